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
}
