using System.Text.Json.Nodes;
using Hangar.Policy.Compilation;
using Hangar.Policy.Kubernetes.Apply;
using Hangar.Policy.Kubernetes.Engines;
using Hangar.Policy.Kubernetes.Tests.Fixtures;
using NuGet.Versioning;

namespace Hangar.Policy.Kubernetes.Tests;

public sealed class EngineDetectionTests
{
    [Fact]
    public async Task Detect_TetragonCrdMissing_SkipsTetragonWithWarningAndAppliesTheRest()
    {
        using var cluster = new Cluster(tetragon: false);
        IPolicyBackend[] backends = [new NetworkPolicyFixture(), new TracingPolicyFixture()];

        var detection = await new EngineDetector(cluster.Client).DetectAsync(TestContext.Current.CancellationToken);
        var selection = EngineSelection.Choose(detection, backends);
        var result = PolicyCompiler.Compile(Cluster.Policy(), selection.ApplyTo(new CompileOptions()));
        var report = await cluster.ApplyAsync(result);

        Assert.True(selection.Succeeded);
        Assert.Equal(["networkpolicy"], selection.Backends.Select(b => b.Name));
        Assert.Contains(selection.Warnings, w => w.StartsWith(
            "engine 'tetragon' skipped: it is missing (CustomResourceDefinition tracingpolicies.cilium.io is not installed)",
            StringComparison.Ordinal));
        Assert.True(report.Succeeded, string.Join("\n", report.Objects));
        Assert.All(report.Objects, o => Assert.Equal("NetworkPolicy", o.Kind));
    }

    [Fact]
    public async Task Detect_RequiredEngineMissing_IsAnError()
    {
        using var cluster = new Cluster(tetragon: false);

        var detection = await new EngineDetector(cluster.Client).DetectAsync(TestContext.Current.CancellationToken);
        var selection = EngineSelection.Choose(detection, [new NetworkPolicyFixture(), new TracingPolicyFixture()], ["tetragon"]);

        Assert.False(selection.Succeeded);
        Assert.Contains("engine 'tetragon' is required but it is missing", Assert.Single(selection.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_EngineDaemonSets_GiveVersionsThatFeedTheCompiler()
    {
        using var cluster = new Cluster();
        SeedDaemonSet(cluster, "tetragon", "kube-system", "app.kubernetes.io/name", "tetragon", "quay.io/cilium/tetragon:v1.6.1");
        var tetragon = new TracingPolicyFixture();
        var networkPolicy = new NetworkPolicyFixture();

        var detection = await new EngineDetector(cluster.Client).DetectAsync(TestContext.Current.CancellationToken);
        var selection = EngineSelection.Choose(detection, [networkPolicy, tetragon]);
        PolicyCompiler.Compile(Cluster.Policy(), selection.ApplyTo(new CompileOptions()));

        Assert.Equal(NuGetVersion.Parse("1.6.1"), detection["tetragon"]!.Version);
        Assert.Equal(NuGetVersion.Parse("1.31.2"), detection["networkpolicy"]!.Version);
        Assert.Equal(NuGetVersion.Parse("1.6.1"), Assert.Single(tetragon.Seen).EngineVersion);
        Assert.Equal(NuGetVersion.Parse("1.31.2"), Assert.Single(networkPolicy.Seen).EngineVersion);
    }

    [Fact]
    public async Task Detect_EngineOlderThanItsBackendSupports_IsSkippedWithWarning()
    {
        using var cluster = new Cluster();
        SeedDaemonSet(cluster, "tetragon", "kube-system", "app.kubernetes.io/name", "tetragon", "quay.io/cilium/tetragon:v1.2.0");

        var detection = await new EngineDetector(cluster.Client).DetectAsync(TestContext.Current.CancellationToken);
        var selection = EngineSelection.Choose(detection, [new NetworkPolicyFixture(), new TracingPolicyFixture()]);

        Assert.DoesNotContain(selection.Backends, b => b.Name == "tetragon");
        Assert.Contains(selection.Warnings, w => w.Contains("Tetragon 1.2.0 is outside the supported versions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detect_TetragonWithoutWorkloadAccess_TakesTheMinorReleaseFromTheCrdSchemaLabel()
    {
        using var cluster = new Cluster(tetragon: false);
        cluster.Emulator.InstallCrd(TetragonCrd.TracingPolicy(schemaVersion: "1.7.17"));
        cluster.Emulator.Fail("GET", "/daemonsets", 403, times: 10);

        var detection = await new EngineDetector(cluster.Client).DetectAsync(TestContext.Current.CancellationToken);

        var tetragon = detection["tetragon"]!;
        Assert.True(tetragon.Present);
        Assert.Equal(NuGetVersion.Parse("1.7.0"), tetragon.Version);
        Assert.Contains("schema version 1.7.17", tetragon.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_FalcoDaemonSetWithoutCrd_IsPresentAndKubeArmorIsMissing()
    {
        using var cluster = new Cluster();
        SeedDaemonSet(cluster, "falco", "falco", "app.kubernetes.io/name", "falco", "docker.io/falcosecurity/falco:0.41.3");

        var detection = await new EngineDetector(cluster.Client).DetectAsync(TestContext.Current.CancellationToken);

        Assert.Equal(NuGetVersion.Parse("0.41.3"), detection["falco"]!.Version);
        Assert.False(detection["kubearmor"]!.Present);
    }

    [Theory]
    [InlineData("quay.io/cilium/tetragon:v1.6.1", "v1.6.1")]
    [InlineData("registry:5000/kubearmor/kubearmor:v1.7.4@sha256:abc", "v1.7.4")]
    [InlineData("registry:5000/falco", null)]
    public void Tag_ImageReference_IsTheTagAfterTheLastColonOfTheName(string image, string? tag) =>
        Assert.Equal(tag, EngineDetector.Tag(image));

    private static void SeedDaemonSet(Cluster cluster, string name, string ns, string labelKey, string labelValue, string image) =>
        cluster.Emulator.Seed("apps/v1", "DaemonSet", new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "DaemonSet",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { [labelKey] = labelValue } },
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = name, ["image"] = image }) },
                },
            },
        }, "helm");
}
