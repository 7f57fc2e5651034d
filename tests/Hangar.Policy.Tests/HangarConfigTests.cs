using Hangar.Policy.Configuration;

namespace Hangar.Policy.Tests;

public sealed class HangarConfigTests
{
    [Fact]
    public void Parse_FullFile_ReadsEnginesVersionsAndFacts()
    {
        var config = HangarConfig.Parse("""
            policy_engines: [NetworkPolicy, tetragon]
            engine_versions:
              tetragon: 1.5.0
            cluster:
              pod_cidrs: [10.244.0.0/16, fd00:10:244::/56]
              service_cidrs: [10.96.0.0/12]
              kubernetes_api: [10.96.0.1]
              dns: { namespace: kube-system, pod_labels: { k8s-app: kube-dns }, service_ip: 10.96.0.10 }
              node_local_dns: 169.254.20.10
              cloud_providers: [aws]
              corporate_ranges: [192.168.0.0/16]
            """);

        Assert.Equal(["networkpolicy", "tetragon"], config.Engines);
        Assert.Equal("1.5.0", config.EngineVersions["Tetragon"].ToNormalizedString());
        Assert.Equal(["10.244.0.0/16", "fd00:10:244::/56"], config.Cluster.PodCidrs.Select(c => c.ToString()));
        Assert.Equal("10.96.0.1/32", config.Cluster.KubernetesApi.Single().ToString());
        Assert.Equal("kube-system", config.Cluster.Dns!.Namespace);
        Assert.Equal("kube-dns", config.Cluster.Dns.PodLabels["k8s-app"]);
        Assert.Equal("10.96.0.10/32", config.Cluster.Dns.ServiceAddress.ToString());
        Assert.Equal("169.254.20.10/32", config.Cluster.NodeLocalDns.ToString());
    }

    [Theory]
    [InlineData("cluster:\n  pod_cidrs: [10.244.0.1/16]", "cluster.pod_cidrs", "host bits set")]
    [InlineData("cluster:\n  podCidrs: [10.244.0.0/16]", "cluster.podCidrs", "unknown key")]
    [InlineData("engine_versions:\n  tetragon: latest", "engine_versions.tetragon", "not a version")]
    [InlineData("policy_engine: [tetragon]", "policy_engine", "unknown key")]
    [InlineData("cluster:\n  dns: { namespace: kube-system }", "cluster.dns", "needs a namespace and pod_labels")]
    [InlineData("cluster: [a", "line", "")]
    public void Parse_BadValue_NamesKeyAndProblem(string yaml, string key, string problem)
    {
        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse(yaml, "hangar.yaml"));

        Assert.StartsWith("hangar.yaml: ", error.Message);
        Assert.Contains(key, error.Key);
        Assert.Contains(problem, error.Message);
        Assert.Contains("Fix:", error.Message);
    }

    [Fact]
    public void Parse_VersionOfUnknownEngine_NamesKeyAndKnownEngines()
    {
        var error = Assert.Throws<HangarConfigException>(() =>
            HangarConfig.Parse("engine_versions:\n  tetragon: 1.5.0\n  tetragn: 1.5.0", "hangar.yaml", ["networkpolicy", "tetragon"]));

        Assert.Equal("engine_versions.tetragn", error.Key);
        Assert.Contains("'tetragn' is not a known engine", error.Message);
        Assert.Contains("Fix: name one of the known engines (networkpolicy, tetragon)", error.Message);
    }

    [Fact]
    public void Parse_VersionOfKnownEngineInAnyCase_IsKept()
    {
        var config = HangarConfig.Parse("engine_versions:\n  Tetragon: 1.5.0", "hangar.yaml", ["networkpolicy", "tetragon"]);

        Assert.Equal("1.5.0", config.EngineVersions["tetragon"].ToNormalizedString());
    }

    [Fact]
    public void Parse_EmptyFile_GivesDefaults() => Assert.Empty(HangarConfig.Parse("").Engines);

    [Theory]
    [InlineData("engine_versions:\n  tetragon: 1.7.0\n  Tetragon: 1.2.0", "engine_versions.tetragon", "'tetragon' and 'Tetragon'")]
    [InlineData("engine_options:\n  kubearmor: { a: b }\n  KubeArmor: { a: c }", "engine_options.kubearmor", "'kubearmor' and 'KubeArmor'")]
    [InlineData("policy_engines: [tetragon, Tetragon]", "policy_engines", "'tetragon' is listed twice")]
    public void Parse_EngineNamedTwiceInDifferentCase_IsRejected(string yaml, string key, string problem)
    {
        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse(yaml, "hangar.yaml"));

        Assert.Equal(key, error.Key);
        Assert.Contains(problem, error.Message);
        Assert.Contains("Fix:", error.Message);
    }

    [Fact]
    public void Parse_DeeplyNestedFlowLists_IsRejectedBeforeLoading()
    {
        // Loading this node tree recursively would overflow the stack and end the process.
        var yaml = "policy_engines: " + new string('[', 200_000);

        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse(yaml, "hangar.yaml"));

        Assert.Equal("line 1", error.Key);
        Assert.Contains("nested more than", error.Message);
    }

    [Fact]
    public void Parse_TextOverSizeLimit_IsRejected()
    {
        var yaml = "policy_engines: [tetragon]\n" + new string('#', 2 << 20);

        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse(yaml, "hangar.yaml"));

        Assert.Contains("characters long", error.Message);
    }

    [Theory]
    [InlineData("policy_engines: ~")]
    [InlineData("policy_engines: null")]
    [InlineData("policy_engines:")]
    public void Parse_NullEngineList_SaysTheValueIsEmpty(string yaml)
    {
        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse(yaml, "hangar.yaml"));

        Assert.Equal("policy_engines", error.Key);
        Assert.Contains("the value is empty", error.Message);
        Assert.DoesNotContain("unknown engine", error.Message);
        Assert.Contains("Fix: write policy_engines: [", error.Message);
    }

    [Theory]
    [InlineData("policy_engines: !custom [tetragon]", "!custom")]
    [InlineData("engine_versions:\n  tetragon: !!str 1.5.0", "tag:yaml.org,2002:str")]
    public void Parse_TaggedValue_IsRejected(string yaml, string tag)
    {
        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse(yaml, "hangar.yaml"));

        Assert.StartsWith("line ", error.Key);
        Assert.Contains($"the tag '{tag}' is not allowed", error.Message);
        Assert.Contains("Fix: remove the tag", error.Message);
    }

    [Fact]
    public void Parse_EmptyEngineList_IsRejectedInsteadOfFallingBack()
    {
        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse("policy_engines: []", "hangar.yaml"));

        Assert.Equal("policy_engines", error.Key);
        Assert.Contains("names no engine", error.Message);
        Assert.Contains("or remove the key to use the default", error.Message);
    }

    [Fact]
    public void Parse_NestingWithinLimit_IsRead()
    {
        var config = HangarConfig.Parse("engine_options:\n  kubearmor: { posture: { file: block } }", "hangar.yaml");

        Assert.Equal(["posture"], config.EngineOptions["kubearmor"].Keys);
    }
}
