using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Discovery;
using Hangar.Policy.Kubernetes.Schemas;
using Hangar.Policy.Kubernetes.Tests.Fixtures;

namespace Hangar.Policy.Kubernetes.Tests;

public sealed class SchemaConversionTests
{
    [Fact]
    public void Convert_ObjectWithProperties_RejectsUndeclaredFields()
    {
        var schema = CrdSchemaConverter.Convert(Parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}}}}}
            """));

        Assert.Equal(CrdSchemaConverter.Dialect, schema["$schema"]!.GetValue<string>());
        Assert.False(schema["properties"]!["spec"]!["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Convert_PreserveUnknownFields_AcceptsUndeclaredFields()
    {
        var schema = CrdSchemaConverter.Convert(Parse("""
            {"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
            """));

        Assert.Null(schema["properties"]!["spec"]!["additionalProperties"]);
    }

    [Fact]
    public void Convert_IntOrStringAndNullable_BecomeAlternatives()
    {
        var schema = CrdSchemaConverter.Convert(Parse("""
            {"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true},"name":{"type":"string","nullable":true}}}
            """));

        Assert.Equal("""[{"type":"integer"},{"type":"string"}]""", schema["properties"]!["port"]!["anyOf"]!.ToJsonString());
        Assert.Equal("""["string","null"]""", schema["properties"]!["name"]!["type"]!.ToJsonString());
    }

    [Fact]
    public void Convert_OpenApiBooleanExclusiveMinimum_BecomesNumericBound()
    {
        var schema = CrdSchemaConverter.Convert(Parse("""
            {"type":"object","properties":{"n":{"type":"integer","minimum":0,"exclusiveMinimum":true}}}
            """));

        Assert.Equal(0, schema["properties"]!["n"]!["exclusiveMinimum"]!.GetValue<int>());
        Assert.Null(schema["properties"]!["n"]!["minimum"]);
    }

    [Fact]
    public async Task Validate_WrongEnumValue_NamesThePath()
    {
        using var cluster = new Cluster();
        var body = Cluster.Compile().Objects.First(o => o.Kind == "TracingPolicyNamespaced");
        var json = Comparison.ComparableObject.ToJson(body.Body);
        json["spec"]!["kprobes"]![0]!["selectors"]![0]!["matchActions"]![0]!["action"] = "Explode";
        var type = new ResourceType("cilium.io", "v1alpha1", "TracingPolicyNamespaced", "tracingpoliciesnamespaced", true);

        var violations = await new ServedSchemas(cluster.Client).ValidateAsync(type, json, TestContext.Current.CancellationToken);

        Assert.Equal("/spec/kprobes/0/selectors/0/matchActions/0/action", Assert.Single(violations).Path);
    }

    [Theory]
    [InlineData("tetragon/crds/v1.7.0/cilium.io_tracingpoliciesnamespaced.yaml")]
    [InlineData("tetragon/crds/main/cilium.io_tracingpoliciesnamespaced.yaml")]
    public async Task Validate_FixtureObjectAgainstUpstreamTetragonCrd_IsValid(string file)
    {
        var path = Upstream.File(file);
        Assert.SkipWhen(path is null, $"upstream data not found (set HANGAR_UPSTREAM to the folder holding {file})");
        using var cluster = new Cluster(tetragon: false);
        cluster.Emulator.InstallCrd(Upstream.ReadCrd(path!));
        var body = Cluster.Compile().Objects.First(o => o.Kind == "TracingPolicyNamespaced");
        var type = new ResourceType("cilium.io", "v1alpha1", "TracingPolicyNamespaced", "tracingpoliciesnamespaced", true);

        var violations = await new ServedSchemas(cluster.Client).ValidateAsync(type, Comparison.ComparableObject.ToJson(body.Body),
            TestContext.Current.CancellationToken);

        Assert.Empty(violations);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
