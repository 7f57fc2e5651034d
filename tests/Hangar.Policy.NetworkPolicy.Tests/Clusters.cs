using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Output;
using NuGet.Versioning;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>Cluster facts and compile shortcuts shared by the tests.</summary>
internal static class Clusters
{
    public static ClusterFacts Kind { get; } = new()
    {
        PodCidrs = [IpCidr.Parse("10.244.0.0/16"), IpCidr.Parse("fd00:10:244::/56")],
        ServiceCidrs = [IpCidr.Parse("10.96.0.0/12"), IpCidr.Parse("fd00:10:96::/112")],
        KubernetesApi = [IpCidr.Parse("10.96.0.1/32"), IpCidr.Parse("172.18.0.2/32")],
        Dns = DnsService.KubeDns("10.96.0.10"),
        NodeLocalDns = IpCidr.Parse("169.254.20.10/32"),
        CorporateRanges = [IpCidr.Parse("192.168.0.0/16"), IpCidr.Parse("fd12:3456::/32")],
    };

    public static CompilationResult Compile(PolicySet set, ClusterFacts? facts = null, string? version = null)
    {
        var options = new CompileOptions { Backends = [new NetworkPolicyBackend()], Cluster = facts ?? Kind };
        if (version is not null)
        {
            options = options with
            {
                EngineVersions = options.EngineVersions.Add(NetworkPolicyBackend.BackendName, NuGetVersion.Parse(version)),
            };
        }
        return PolicyCompiler.Compile(set, options);
    }

    /// <summary>Compiles and returns the single emitted object's spec, failing on errors.</summary>
    public static ObjectNode Spec(PolicySet set, ClusterFacts? facts = null, string? version = null)
    {
        var result = Compile(set, facts, version);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return Assert.Single(result.Objects).Body.Node("spec")!;
    }

    public static List<ObjectNode> Egress(ObjectNode spec) => [.. ((IEnumerable<ObjectNode>)spec["egress"]!)];

    public static List<ObjectNode> List(ObjectNode node, string key) =>
        node[key] is IEnumerable<ObjectNode> items ? [.. items] : [];

    /// <summary>The egress rules that are not cluster-DNS rules (the tests allow nothing else on port 53 alone).</summary>
    public static List<ObjectNode> NonDns(ObjectNode spec) =>
        [.. Egress(spec).Where(r => !(r.ContainsKey("ports") && PortList(r).All(p => p is "UDP/53" or "TCP/53")))];

    public static List<string> Cidrs(ObjectNode rule) =>
        [.. List(rule, "to").Select(p => p.Node("ipBlock")).OfType<ObjectNode>().Select(b => (string)b["cidr"]!)];

    public static List<string> Excepts(ObjectNode rule, string cidr) =>
        List(rule, "to").Select(p => p.Node("ipBlock")).OfType<ObjectNode>().Where(b => (string)b["cidr"]! == cidr)
            .SelectMany(b => b["except"] is IEnumerable<string> e ? e : []).ToList();

    public static List<string> PortList(ObjectNode rule) =>
        [.. List(rule, "ports").Select(p => $"{p["protocol"]}/{p["port"]}{(p["endPort"] is int end ? $"-{end}" : "")}")];

    public static ImmutableArray<CoverageEntry> Coverage(CompilationResult result) =>
        [.. result.Coverage.Entries.Where(e => e.Backend == NetworkPolicyBackend.BackendName)];
}
