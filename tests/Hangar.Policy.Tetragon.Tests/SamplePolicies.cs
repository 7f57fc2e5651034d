using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>Policy sets shared by the golden, schema and coverage tests.</summary>
internal static class SamplePolicies
{
    /// <summary>Loopback and metadata denied for the workspace, a port-scoped CIDR for a server, a CIDR for a tool binary.</summary>
    public static PolicySet DenyBaseline() => PolicySet.Named("acme-mcp")
        .Workspace("acme", ws => ws.DenyLoopback().DenyCloudMetadata()
            .Server("fetch", s => s.DenyCidr("203.0.113.0/24", Ports.Tcp(22))
                .Tool("fetch", t => t.RunsAs("/usr/local/bin/mcp-server-fetch").DenyCidr("198.51.100.0/24"))))
        .Build();

    /// <summary>A server in allowlist mode with port-scoped allows, cluster-internal denied, and an audit rule.</summary>
    public static PolicySet Allowlist() => PolicySet.Named("acme-mcp")
        .Workspace("acme", ws => ws.DenyLoopback().DenyClusterInternal()
            .Server("git", s => s.DefaultDenyEgress()
                .AllowEgress("140.82.112.0/20", Ports.Tcp(443, 22))
                .AllowEgress("140.82.112.0/24", Ports.Tcp(9418))
                .AllowEgress("api.github.com", Ports.Tcp(443))
                .DenyCorporateNetwork(RuleMode.Audit)))
        .Build();

    /// <summary>Every sample, for schema checks.</summary>
    public static IEnumerable<(string Name, PolicySet Set)> All() =>
    [
        ("deny-baseline", DenyBaseline()),
        ("allowlist", Allowlist()),
    ];
}
