using Hangar.Policy.Model;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>A policy set that exercises every rule kind the NetworkPolicy backend meets, on real MCP servers.</summary>
internal static class RepresentativePolicies
{
    public static PolicySet AcmeMcp() => PolicySet.Named("acme-mcp")
        .Workspace("acme", ws => ws
            .DenyLoopback()
            .DenyCloudMetadata()
            .DenyLateral()
            .Server("fetch", s => s
                .DenyCidr("10.0.0.0/8", Ports.Tcp(22))
                .Tool("fetch", t => t.RunsAs("/usr/local/bin/mcp-server-fetch").DenyCorporateNetwork()))
            .Server("github", s => s
                .DefaultDenyEgress()
                .AllowEgress("140.82.112.0/20", Ports.Tcp(443, 22))
                .AllowEgress("2606:50c0::/32", Ports.Tcp(443))
                .AllowEgress("api.github.com", Ports.Tcp(443))
                .DenyCidr("140.82.121.0/24"))
            .Server("git", s => s
                .DefaultDenyEgress()
                .DenyClusterInternal())
            .Server("filesystem", s => s
                .Tool("read_file", t => t.AllowEgress("203.0.113.0/24", Ports.Tcp(443)))
                .Tool("write_file", t => t.Audit().DenyCidr("198.51.100.0/24"))))
        .Workspace("research", ws => ws
            .DenyClusterInternal()
            .Server("search", s => s
                .DefaultDenyEgress()
                .AllowEgress(["0.0.0.0/0", "::/0"], Ports.TcpRange(8000, 8999))
                .AllowEgress("198.51.100.7", Ports.Any)
                .DenyCidr("203.0.113.0/24", Ports.TcpRange(8080, 8090))))
        .Build();
}
