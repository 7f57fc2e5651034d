using System.Text.Json.Nodes;

namespace Hangar.Policy.Conformance.Tests;

/// <summary>The schemas reject malformed objects, so that a passing conformance test means something.</summary>
public sealed class SchemaSanityTests
{
    [Fact]
    public void NetworkPolicySchema_RejectsAStringPodSelector()
    {
        var bad = JsonNode.Parse(
            """{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"x"},"spec":{"podSelector":"all"}}""")!;

        Assert.NotEmpty(UpstreamSchemas.Errors(UpstreamSchemas.NetworkPolicy(), bad));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("v1.7.0")]
    public void TetragonSchema_RejectsAnUnknownMatchArgsOperator(string version)
    {
        var bad = JsonNode.Parse("""
            {"apiVersion":"cilium.io/v1alpha1","kind":"TracingPolicy","metadata":{"name":"x"},
             "spec":{"kprobes":[{"call":"tcp_connect","args":[{"index":0,"type":"sock"}],
               "selectors":[{"matchArgs":[{"index":0,"operator":"DestinationIs","values":["10.0.0.0/8"]}]}]}]}}
            """)!;

        Assert.NotEmpty(UpstreamSchemas.Errors(UpstreamSchemas.Tetragon(version, "TracingPolicy"), bad));
    }
}
