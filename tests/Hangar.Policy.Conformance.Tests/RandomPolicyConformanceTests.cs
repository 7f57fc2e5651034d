using System.Text.Json.Nodes;
using CsCheck;
using Hangar.Policy.Compilation;
using Hangar.Policy.Falco;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Tetragon;
using Hangar.Policy.TestSupport;
using NuGet.Versioning;

namespace Hangar.Policy.Conformance.Tests;

/// <summary>
/// Objects compiled from random policies, for every available backend, validated against the engines' own
/// published schemas (Kubernetes OpenAPI, Tetragon CRDs of main and v1.7.0, KubeArmor CRDs, Falco rules schema).
/// </summary>
public sealed class RandomPolicyConformanceTests
{
    private const int Policies = 150;

    [Fact]
    public void NetworkPolicy_RandomPolicies_MatchTheKubernetesSchema()
    {
        var schema = UpstreamSchemas.NetworkPolicy();

        Check(new NetworkPolicyBackend(), null, (obj, _) => UpstreamSchemas.Errors(schema, obj));
    }

    [Theory]
    [InlineData("main", "1.7.0")]
    [InlineData("v1.7.0", "1.7.0")]
    [InlineData("v1.7.0", "1.4.0")]
    public void Tetragon_RandomPolicies_MatchTheCrdSchema(string crd, string engineVersion)
    {
        var schemas = new[] { "TracingPolicy", "TracingPolicyNamespaced" }.ToDictionary(k => k, k => UpstreamSchemas.Tetragon(crd, k));

        Check(new TetragonBackend(), NuGetVersion.Parse(engineVersion), (obj, kind) => UpstreamSchemas.Errors(schemas[kind], obj));
    }

    [Fact]
    public void KubeArmor_RandomPolicies_MatchTheCrdSchema()
    {
        // Load before the property run, so that missing upstream data skips the test instead of failing a sample.
        var schema = UpstreamSchemas.KubeArmor(KubeArmorBackend.Kind);

        Check(new KubeArmorBackend(), null, (obj, kind) =>
            UpstreamSchemas.Errors(kind == KubeArmorBackend.Kind ? schema : UpstreamSchemas.KubeArmor(kind), obj));
    }

    [Fact]
    public void Falco_RandomPolicies_MatchTheRulesSchema()
    {
        var schema = UpstreamSchemas.FalcoRules();

        Check(new FalcoBackend(), null, (_, _) => [],
            file => file.FileName.EndsWith(".yaml", StringComparison.Ordinal)
                ? ManifestReader.ReadYamlDocuments(file.Content).OfType<JsonArray>()
                    .SelectMany(doc => UpstreamSchemas.Errors(schema, doc)).ToList()
                : []);
    }

    private static void Check(IPolicyBackend backend, NuGetVersion? version, Func<JsonNode, string, IReadOnlyList<string>> objectErrors,
        Func<Hangar.Policy.Output.EmittedFile, IReadOnlyList<string>>? fileErrors = null)
    {
        var options = new CompileOptions
        {
            Backends = [backend],
            Cluster = PolicyGenerators.Cluster,
            EngineVersions = version is null
                ? CompileOptionsDefaults.NoVersions
                : CompileOptionsDefaults.NoVersions.Add(backend.Name, version),
        };
        var objects = 0;

        PolicyGenerators.Policy.Sample(spec =>
        {
            var result = PolicyCompiler.Compile(spec.Build(), options);
            if (!result.Succeeded)
                throw new InvalidOperationException($"compilation failed: {string.Join("; ", result.Errors)}\n{spec}");

            var problems = new List<string>();
            foreach (var emitted in result.Objects)
            {
                Interlocked.Increment(ref objects);
                problems.AddRange(objectErrors(JsonNode.Parse(emitted.ToJson())!, emitted.Kind)
                    .Select(e => $"{emitted.Kind} {emitted.Namespace}/{emitted.Name}: {e}"));
            }
            foreach (var file in result.Files)
                problems.AddRange((fileErrors?.Invoke(file) ?? []).Select(e => $"{file.FileName}: {e}"));
            if (problems.Count > 0)
                throw new InvalidOperationException($"{string.Join("\n", problems.Take(10))}\n{spec}");
        }, iter: Policies, seed: "5-w52tS0gS92");

        Assert.True(objects > 0 || fileErrors is not null, $"the {backend.Name} backend emitted no object for {Policies} random policies");
    }
}
