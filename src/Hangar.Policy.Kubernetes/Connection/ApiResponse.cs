using System.Net;
using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Connection;

/// <summary>One answer of the API server.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body parsed as JSON, or null when empty or not JSON.</param>
/// <param name="Text">The body as text.</param>
public sealed record ApiResponse(HttpStatusCode StatusCode, JsonNode? Body, string Text)
{
    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>The body as an object; throws when the request failed or the body is not an object.</summary>
    public JsonObject Object(string what) =>
        IsSuccess && Body is JsonObject obj ? obj : throw KubernetesApiException.From(what, this);
}
