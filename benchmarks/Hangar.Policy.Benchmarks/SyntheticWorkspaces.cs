using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Benchmarks;

/// <summary>
/// Policy sets of N workspaces shaped like the McpWorkspace example: three servers each (fetch, git, github) and
/// twelve rules per workspace (five workspace denies, an allowlist of two allows for fetch plus a tool deny, an
/// allowlist for git, an allowlist of GitHub's ranges for github).
/// </summary>
public static class SyntheticWorkspaces
{
    /// <summary>Rules declared per workspace.</summary>
    public const int RulesPerWorkspace = 12;

    private static readonly string[] GitHubApiRanges =
        ["140.82.112.0/20", "143.55.64.0/20", "185.199.108.0/22", "192.30.252.0/22", "2606:50c0::/32", "2a0a:a440::/29"];

    /// <summary>Cluster facts of a kind-like cluster, with node-local DNS and corporate ranges.</summary>
    public static ClusterFacts Facts { get; } = new()
    {
        PodCidrs = [IpCidr.Parse("10.244.0.0/16"), IpCidr.Parse("fd00:10:244::/56")],
        ServiceCidrs = [IpCidr.Parse("10.96.0.0/16"), IpCidr.Parse("fd00:10:96::/112")],
        KubernetesApi = [IpCidr.Parse("10.96.0.1/32")],
        Dns = DnsService.KubeDns("10.96.0.10"),
        NodeLocalDns = IpCidr.Parse("169.254.20.10/32"),
        CorporateRanges = [IpCidr.Parse("172.16.0.0/12"), IpCidr.Parse("192.168.0.0/16")],
    };

    /// <summary>A policy set of <paramref name="count"/> workspaces named <c>ws-0000</c>, <c>ws-0001</c>, ….</summary>
    public static PolicySet Create(int count) => Create(count, first: 0);

    /// <summary>
    /// <paramref name="count"/> workspaces split into policy sets of at most <paramref name="perSet"/> workspaces each,
    /// as a user splits them across clusters when one engine cannot load them all (Tetragon loads 128 filtered policies).
    /// </summary>
    public static IReadOnlyList<PolicySet> Split(int count, int perSet) =>
        [.. Enumerable.Range(0, (count + perSet - 1) / perSet).Select(i => Create(Math.Min(perSet, count - (i * perSet)), i * perSet))];

    private static PolicySet Create(int count, int first)
    {
        var builder = PolicySet.Named($"bench-{first + count}");
        for (var i = first; i < first + count; i++)
        {
            builder.Workspace($"ws-{i:D4}", ws => ws
                .DenyLoopback()
                .DenyCloudMetadata()
                .DenyClusterInternal()
                .DenyLateral()
                .DenyCorporateNetwork()
                .Server("fetch", s => s
                    .DefaultDenyEgress()
                    .AllowEgress("0.0.0.0/0", Ports.Tcp(80, 443))
                    .AllowEgress("::/0", Ports.Tcp(80, 443))
                    .Tool("fetch", t => t.DenyCidr("100.64.0.0/10")))
                .Server("git", s => s.DefaultDenyEgress())
                .Server("github", s => s.DefaultDenyEgress().AllowEgress(GitHubApiRanges, Ports.Tcp(443))));
        }
        return builder.Build();
    }

    /// <summary>Compile options for <paramref name="backends"/> against <see cref="Facts"/>.</summary>
    public static CompileOptions Options(params IPolicyBackend[] backends) => new()
    {
        Backends = [.. backends],
        Cluster = Facts,
    };
}
