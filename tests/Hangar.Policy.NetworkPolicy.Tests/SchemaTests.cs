using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Json.Schema;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

public sealed class SchemaTests
{
    private const string SchemaFile = "kubernetes/networkpolicy-networking-v1.jsonschema-derived.json";

    public static TheoryData<string, string> Versions() => new()
    {
        { "representative", "1.30.0" },
        { "representative", "1.24.0" },
        { "representative", "1.19.0" },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void EmittedObjects_PassTheUpstreamSchema(string set, string version)
    {
        var schema = LoadSchema();
        var result = Compile(set == "representative" ? RepresentativePolicies.AcmeMcp() : throw new ArgumentException(set), version: version);

        Assert.NotEmpty(result.Objects);
        foreach (var obj in result.Objects)
        {
            var evaluation = schema.Evaluate(JsonDocument.Parse(obj.ToJson()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, $"{obj.Name}: {Errors(evaluation)}");
        }
    }

    [Fact]
    public void Schema_RejectsAMalformedObject()
    {
        var schema = LoadSchema();
        var obj = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("203.0.113.0/24").Server("fetch")).Build()).Objects.Single();
        var json = JsonNode.Parse(obj.ToJson())!;
        json["spec"]!["policyTypes"] = "Egress";

        var evaluation = schema.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement);

        Assert.False(evaluation.IsValid);
    }

    private static JsonSchema LoadSchema()
    {
        var text = File.ReadAllText(Upstream.RequireFile(SchemaFile));

        // The file declares draft-04, which JsonSchema.Net does not implement; it uses no keyword whose meaning
        // changed after draft-04 (no exclusiveMinimum/Maximum, no id), so evaluating it as draft-07 is equivalent.
        text = text.Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
