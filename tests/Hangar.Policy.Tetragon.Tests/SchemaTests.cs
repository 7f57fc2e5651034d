using System.Text.Json.Nodes;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class SchemaTests
{
    public static TheoryData<string, string, string?> Cases()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var crd in CrdSchemas.Versions)
        {
            foreach (var (name, _) in SamplePolicies.All())
            {
                foreach (var engine in new string?[] { null, "1.5.0", "1.4.0", "1.3.0", "1.0.0" })
                    data.Add(crd, name, engine);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EmittedObjects_ValidateAgainstUpstreamCrd(string crdVersion, string sample, string? engineVersion)
    {
        var set = SamplePolicies.All().Single(s => s.Name == sample).Set;
        var result = Compile.For(set, engineVersion);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.NotEmpty(result.Objects);

        foreach (var obj in result.Objects)
        {
            var schema = CrdSchemas.For(crdVersion, obj.Kind);
            if (schema is null)
                Assert.Skip(CrdSchemas.MissingReason);

            // Validate what a reader of the YAML file gets, not the in-memory tree.
            var document = YamlJson.Documents(obj.ToYaml()).Single()!;
            var errors = CrdSchemas.Errors(schema, document);
            Assert.True(errors.Count == 0, $"{obj.Name} against {crdVersion}:\n{string.Join("\n", errors)}");
        }
    }

    [Fact]
    public void SchemaCheck_RejectsAnUnknownAction()
    {
        var schema = CrdSchemas.For("v1.7.0", "TracingPolicyNamespaced");
        if (schema is null)
            Assert.Skip(CrdSchemas.MissingReason);
        var result = Compile.For(SamplePolicies.DenyBaseline());
        var document = YamlJson.Documents(result.Objects[0].ToYaml()).Single()!;
        document["spec"]!["kprobes"]![0]!["selectors"]![0]!["matchActions"]![0]!["action"] = "Block";

        Assert.NotEmpty(CrdSchemas.Errors(schema, document));
    }
}
