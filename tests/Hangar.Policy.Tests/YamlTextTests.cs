using Hangar.Policy.Output;
using YamlDotNet.RepresentationModel;

namespace Hangar.Policy.Tests;

public sealed class YamlTextTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("no")]
    [InlineData("ON")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("443")]
    [InlineData("0x1F")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("2026-12-04")]
    [InlineData("")]
    [InlineData(" padded ")]
    public void Write_StringThatReadsAsAnotherType_IsQuoted(string value)
    {
        var yaml = YamlText.Write(new ObjectNode { ["v"] = value });

        Assert.StartsWith("v: \"", yaml);
        Assert.Equal(value, ReadBack(yaml));
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("::1/128")]
    [InlineData("hangar.dev/workspace")]
    [InlineData("a: b")]
    [InlineData("- item")]
    [InlineData("#comment")]
    [InlineData("quote\"and'apostrophe")]
    [InlineData("back\\slash")]
    [InlineData("ünïcødé ✓")]
    [InlineData("line1\nline2")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("{flow}")]
    public void Write_AnyString_ReadsBackUnchanged(string value) =>
        Assert.Equal(value, ReadBack(YamlText.Write(new ObjectNode { ["v"] = value })));

    [Fact]
    public void Write_KeepsInsertionOrderAndNesting()
    {
        var node = new ObjectNode
        {
            ["kind"] = "NetworkPolicy",
            ["apiVersion"] = "networking.k8s.io/v1",
            ["spec"] = new ObjectNode { ["policyTypes"] = new[] { "Egress" }, ["egress"] = new List<object>(), ["port"] = 53 },
        };

        Assert.Equal("kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nspec:\n  policyTypes:\n  - Egress\n  egress: []\n  port: 53\n",
            YamlText.Write(node));
    }

    [Fact]
    public void JsonText_WritesSameTreeInOrder()
    {
        var node = new ObjectNode { ["b"] = 1, ["a"] = new ObjectNode { ["x"] = true, ["y"] = new[] { "s" } } };

        Assert.Equal("{\"b\":1,\"a\":{\"x\":true,\"y\":[\"s\"]}}", JsonText.Write(node));
    }

    private static string ReadBack(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var scalar = (YamlScalarNode)root.Children[new YamlScalarNode("v")];
        return scalar.Value!;
    }
}
