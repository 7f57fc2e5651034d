using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>Policy sets with the cluster facts they compile under, for the connection-grid tests.</summary>
internal static class SemanticSamples
{
    public static ClusterFacts WithNodeLocalDns { get; } = Compile.Cluster with { NodeLocalDns = IpCidr.Parse("169.254.20.10") };

    public static IEnumerable<(string Name, PolicySet Set, ClusterFacts Facts)> All() =>
    [
        ("deny-baseline", SamplePolicies.DenyBaseline(), Compile.Cluster),
        ("allowlist", SamplePolicies.Allowlist(), Compile.Cluster),
        ("node-local-dns", NodeLocalDns(), WithNodeLocalDns),
        ("tools", Tools(), Compile.Cluster),
        ("cluster", Cluster(), Compile.Cluster),
    ];

    /// <summary>Metadata and cluster-internal denied with node-local DNS inside the link-local range.</summary>
    public static PolicySet NodeLocalDns() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.DenyCloudMetadata().DenyClusterInternal().Server("fetch"))
        .Build();

    /// <summary>An allowlisted server whose tools allow more, deny more, or name no binary.</summary>
    public static PolicySet Tools() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.DenyLoopback()
            .Server("git", s => s.DefaultDenyEgress().AllowEgress("140.82.112.0/20", Ports.Tcp(443))
                .Tool("clone", t => t.RunsAs("/usr/bin/git").AllowEgress("140.82.112.0/20", Ports.Tcp(22))
                    .AllowEgress("192.0.2.0/24", Ports.TcpAndUdp(9418)))
                .Tool("push", t => t.RunsAs("/usr/bin/ssh").DenyCidr("140.82.112.0/24", Ports.Tcp(443)))
                .Tool("search", t => t.AllowEgress("203.0.113.0/24", Ports.Tcp(443)).DenyCidr("140.82.120.0/21"))))
        .Build();

    /// <summary>Lateral, corporate and port-range denies with an audit rule beside them.</summary>
    public static PolicySet Cluster() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.DenyLateral().DenyCorporateNetwork()
            .Server("fetch", s => s.DenyCidr(["198.51.100.0/24", "2001:db8::/32"], Ports.TcpRange(20, 23))
                .DenyCidr("203.0.113.0/24", Ports.Udp(53), RuleMode.Audit)))
        .Build();
}
