using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.TestSupport;
using Json.Schema;

namespace Hangar.Policy.Conformance.Tests;

/// <summary>The upstream schemas emitted objects must satisfy, read from the upstream data folder.</summary>
internal static class UpstreamSchemas
{
    private static readonly Dictionary<string, JsonSchema> Cache = [];
    private static int _built;

    // Kubernetes publishes draft-04 and CRDs carry x-kubernetes-* keywords: evaluate both as draft-07, unknown keywords ignored.
    private static readonly BuildOptions Options = new() { Dialect = Dialect.Draft07.With([], allowUnknownKeywords: true) };

    public static JsonSchema NetworkPolicy() =>
        Load("kubernetes/networkpolicy-networking-v1.jsonschema-derived.json", text => JsonNode.Parse(text)!);

    /// <summary>The TracingPolicy or TracingPolicyNamespaced CRD schema of Tetragon <paramref name="version"/> (main, v1.7.0).</summary>
    public static JsonSchema Tetragon(string version, string kind)
    {
        var file = kind == "TracingPolicy" ? "cilium.io_tracingpolicies.yaml" : "cilium.io_tracingpoliciesnamespaced.yaml";
        return Crd($"tetragon/crds/{version}/{file}");
    }

    public static JsonSchema KubeArmor(string kind) => Crd($"kubearmor/crds/{kind}.yaml");

    public static JsonSchema FalcoRules() => Load("falco/falco_rule_schema.json", text => JsonNode.Parse(text)!);

    /// <summary>The schema errors of <paramref name="document"/>, one line each; empty when it is valid.</summary>
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

    private static JsonSchema Crd(string relative) => Load(relative, text =>
        ManifestReader.ReadYamlDocuments(text).OfType<JsonObject>().Single()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!);

    private static JsonSchema Load(string relative, Func<string, JsonNode> schemaOf)
    {
        var path = Upstream.File(relative);
        lock (Cache)
        {
            if (Cache.TryGetValue(relative, out var cached))
                return cached;
            var schema = schemaOf(File.ReadAllText(path)).AsObject();
            schema.Remove("$schema");
            var built = JsonSchema.FromText(schema.ToJsonString(), Options, new Uri($"https://hangar.test/upstream/{++_built}/{relative}"));
            Cache[relative] = built;
            return built;
        }
    }
}
