using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hangar.Policy.KubeArmor.Tests;

/// <summary>The openAPIV3Schema of the upstream KubeArmor CRDs, by kind.</summary>
internal static class KubeArmorSchemas
{
    private static readonly Dictionary<string, JsonSchema> Cache = [];

    public const string MissingReason =
        "upstream KubeArmor CRDs not found: set HANGAR_UPSTREAM to the upstream data folder (with kubearmor/crds)";

    /// <summary>The schema of <paramref name="kind"/>, or null when the upstream data is absent.</summary>
    public static JsonSchema? For(string kind)
    {
        if (RepoPaths.Upstream is not { } upstream)
            return null;
        lock (Cache)
        {
            if (Cache.TryGetValue(kind, out var cached))
                return cached;
            var path = Path.Combine(upstream, "kubearmor", "crds", kind + ".yaml");
            if (!File.Exists(path))
                return null;
            var crd = YamlJson.Documents(File.ReadAllText(path)).Single()!;
            var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
            // CRD schemas carry x-kubernetes-* extension keywords, which have no JSON Schema meaning.
            var options = new BuildOptions { Dialect = Dialect.Draft07.With([], allowUnknownKeywords: true) };
            var built = JsonSchema.FromText(schema.ToJsonString(), options, new Uri($"https://hangar.test/kubearmor/{kind}"));
            Cache[kind] = built;
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
