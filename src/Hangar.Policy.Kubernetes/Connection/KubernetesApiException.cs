using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hangar.Policy.Kubernetes.Connection;

/// <summary>A request the API server refused, with its Status reason, message and field-manager conflicts.</summary>
public sealed partial class KubernetesApiException : Exception
{
    private KubernetesApiException(string message, HttpStatusCode statusCode, string? reason, ImmutableArray<FieldConflict> conflicts)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
        Conflicts = conflicts;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The Status object's reason (e.g. <c>Conflict</c>, <c>Invalid</c>), when the server sent one.</summary>
    public string? Reason { get; }

    /// <summary>The fields other managers own, for a server-side apply conflict; empty otherwise.</summary>
    public ImmutableArray<FieldConflict> Conflicts { get; }

    /// <summary>True when server-side apply refused because other managers own fields; retrying cannot help.</summary>
    public bool IsFieldManagerConflict => StatusCode == HttpStatusCode.Conflict && !Conflicts.IsEmpty;

    /// <summary>Builds the exception for a failed <paramref name="response"/> to <paramref name="what"/>.</summary>
    public static KubernetesApiException From(string what, ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);

        var status = response.Body as JsonObject;
        var reason = status?["reason"]?.GetValue<string>();
        var message = status?["message"]?.GetValue<string>() ?? Shorten(response.Text);
        var conflicts = ConflictsOf(status);
        return new KubernetesApiException(
            $"{what}: {(int)response.StatusCode} {reason ?? response.StatusCode.ToString()}: {message}",
            response.StatusCode, reason, conflicts);
    }

    /// <summary>The field-manager conflicts of a Status object.</summary>
    public static ImmutableArray<FieldConflict> ConflictsOf(JsonObject? status)
    {
        if (status?["details"]?["causes"] is not JsonArray causes)
            return [];

        var conflicts = ImmutableArray.CreateBuilder<FieldConflict>();
        foreach (var cause in causes.OfType<JsonObject>())
        {
            if (cause["reason"]?.GetValue<string>() != "FieldManagerConflict")
                continue;
            var field = cause["field"]?.GetValue<string>() ?? "";
            var text = cause["message"]?.GetValue<string>() ?? "";
            var manager = ManagerInMessage().Match(text);
            conflicts.Add(new FieldConflict(field, manager.Success ? manager.Groups[1].Value : "another field manager"));
        }
        return conflicts.ToImmutable();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // The API server phrases each cause as: conflict with "kubectl" using networking.k8s.io/v1
    [GeneratedRegex("conflict with \"([^\"]+)\"")]
    private static partial Regex ManagerInMessage();
}
