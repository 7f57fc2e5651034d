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

    [Theory]
    [InlineData("1.30.0")]
    [InlineData("1.24.0")]
    [InlineData("1.19.0")]
    public void RepresentativeSet_PassesTheUpstreamSchema(string version)
    {
        var schema = LoadSchema();
        var result = Compile(RepresentativePolicies.AcmeMcp(), version: version);

        Assert.NotEmpty(result.Objects);
        foreach (var obj in result.Objects)
        {
            var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
            var evaluation = schema.Evaluate(JsonDocument.Parse(obj.ToJson()).RootElement, options);
            Assert.True(evaluation.IsValid, $"{obj.Name}: {Errors(evaluation)}");
        }
    }

    [Fact]
    public void Schema_RejectsAMalformedObject()
    {
        var schema = LoadSchema();
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("203.0.113.0/24").Server("fetch")).Build();
        var obj = Compile(set).Objects.Single();
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
