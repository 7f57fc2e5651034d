using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>The openAPIV3Schema of the upstream Tetragon CRDs, by Tetragon version folder and kind.</summary>
internal static class CrdSchemas
{
    public static readonly string[] Versions = ["main", "v1.7.0"];

    private static readonly Dictionary<(string, string), JsonSchema> Cache = [];
    private static int _count;

    public static string MissingReason =>
        "upstream Tetragon CRDs not found: set HANGAR_UPSTREAM to the upstream data folder (with tetragon/crds/{main,v1.7.0})";

    /// <summary>The schema for <paramref name="kind"/> of Tetragon <paramref name="version"/>; null without upstream data.</summary>
    public static JsonSchema? For(string version, string kind)
    {
        if (RepoPaths.Upstream is not { } upstream)
            return null;
        lock (Cache)
        {
            if (Cache.TryGetValue((version, kind), out var cached))
                return cached;
            var file = kind == "TracingPolicy" ? "cilium.io_tracingpolicies.yaml" : "cilium.io_tracingpoliciesnamespaced.yaml";
            var path = Path.Combine(upstream, "tetragon", "crds", version, file);
            if (!File.Exists(path))
                return null;
            var crd = YamlJson.Documents(File.ReadAllText(path)).Single()!;
            var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
            // CRD schemas carry x-kubernetes-* extension keywords, which have no JSON Schema meaning.
            var options = new BuildOptions { Dialect = Dialect.Draft07.With([], allowUnknownKeywords: true) };
            var id = new Uri($"https://hangar.test/crd/{++_count}/{version}/{file}");
            var built = JsonSchema.FromText(schema.ToJsonString(), options, id);
            Cache[(version, kind)] = built;
            return built;
        }
    }

    /// <summary>The schema errors of <paramref name="document"/>, one line each; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, without details")];
    }
}
