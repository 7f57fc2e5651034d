using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class AllowlistTests
{
    private static PolicySet Ipv4Only(RuleMode mode = RuleMode.Enforce) => PolicySet.Named("p")
        .Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress(mode).AllowEgress("140.82.112.0/20", Ports.Tcp(443))))
        .Build();

    [Fact]
    public void Allowlist_KeepsClusterDnsAndAllowedPortsOnly()
    {
        var simulator = new TetragonSimulator(Compile.For(Ipv4Only()).Objects);

        Assert.False(simulator.Blocks(Connection.V4("10.96.0.10", 53, Protocol.Udp)));
        Assert.False(simulator.Blocks(Connection.V4("140.82.112.5", 443)));
        Assert.True(simulator.Blocks(Connection.V4("140.82.112.5", 80)));
        Assert.True(simulator.Blocks(Connection.V4("140.82.112.5", 443, Protocol.Udp)));
        Assert.True(simulator.Blocks(Connection.V4("10.96.0.10", 443)));
        Assert.True(simulator.Blocks(Connection.V6("2001:db8::1", 443)));
    }

    [Fact]
    public void Allowlist_MatchesInternetFamiliesOnly_SoUnixSocketsStayUsable()
    {
        var family = Compile.Values(Compile.For(Ipv4Only()), "Family").Single();

        Assert.Equal(["AF_INET", "AF_INET6"], family);
    }

    [Fact]
    public void Allowlist_OnTetragon15_ReachesAllowedIPv4FromIPv6Sockets()
    {
        var simulator = new TetragonSimulator(Compile.For(Ipv4Only(), "1.5.0").Objects);

        Assert.False(simulator.Blocks(Connection.V4("140.82.112.5", 443).Mapped()));
    }

    [Fact]
    public void Allowlist_OnTetragon14_ListsADiscardRangeSoIPv6IsStillBlocked()
    {
        var result = Compile.For(Ipv4Only(), "1.4.0");
        var simulator = new TetragonSimulator(result.Objects, mappedValuesInV6Map: false);

        Assert.Contains("100::/64", Compile.Values(result, "NotSAddr").Single());
        Assert.True(simulator.Blocks(Connection.V6("2001:db8::1", 443)));
        Assert.True(simulator.Blocks(Connection.V4("140.82.112.5", 443).Mapped()));
        Assert.Contains("stricter", result.Coverage.Entries.First(e => e.RuleId.Value.EndsWith("default-deny-egress")).Reason);
    }

    [Fact]
    public void Allowlist_BeforeTetragon14_IsUnsupportedAndEmitsNothing()
    {
        var result = Compile.For(Ipv4Only(), "1.3.0");

        Assert.Empty(result.Objects);
        var entry = result.Coverage.Entries.Single(e => e.RuleId.Value.EndsWith("default-deny-egress"));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("v1.4.0", entry.Reason);
    }

    [Fact]
    public void Allowlist_InAudit_NeverBlocks()
    {
        var result = Compile.For(Ipv4Only(RuleMode.Audit));
        var simulator = new TetragonSimulator(result.Objects);

        Assert.DoesNotContain(Compile.Actions(result), a => a is "Override" or "Sigkill");
        Assert.False(simulator.Blocks(Connection.V4("8.8.8.8", 443)));
        Assert.True(simulator.Reports(Connection.V4("8.8.8.8", 443)));
    }

    [Fact]
    public void HostnameAllow_IsUnsupported_AndTheHostStaysBlocked()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress().AllowEgress("api.github.com", Ports.Tcp(443))))
            .Build();

        var result = Compile.For(set);

        var entry = result.Coverage.Entries.Single(e => e.RuleId.Value.Contains("allow-egress"));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("cannot match hostnames", entry.Reason);
        Assert.Contains("stays blocked", entry.Reason);
    }

    [Fact]
    public void Allowlist_WithoutDnsServiceAddress_IsAnError()
    {
        var facts = Compile.Cluster with { Dns = DnsService.KubeDns() };

        var result = Compile.For(Ipv4Only(), cluster: facts);

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticIds.MissingClusterFact, error.Id);
        Assert.Contains("service_ip", error.Fix);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void ToolAllow_WithBinaries_OpensOnlyForThoseBinaries()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress()
            .Tool("clone", t => t.RunsAs("/usr/bin/git").AllowEgress("140.82.112.0/20", Ports.Tcp(22))))).Build();

        var simulator = new TetragonSimulator(Compile.For(set).Objects);

        Assert.False(simulator.Blocks(Connection.V4("140.82.112.5", 22, binary: "/usr/bin/git")));
        Assert.True(simulator.Blocks(Connection.V4("140.82.112.5", 22)));
    }

    [Fact]
    public void ToolAllow_WithoutBinaries_IsNotApplied()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress()
            .Tool("clone", t => t.AllowEgress("140.82.112.0/20", Ports.Tcp(22))))).Build();

        var result = Compile.For(set);

        Assert.True(new TetragonSimulator(result.Objects).Blocks(Connection.V4("140.82.112.5", 22)));
        var entry = result.Coverage.Entries.Single(e => e.RuleId.Value.Contains("allow-egress"));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("names no binary", entry.Reason);
    }

    [Fact]
    public void AllowlistWithoutTcpPorts_BlocksMptcpWithTcp()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress()
            .AllowEgress("140.82.112.0/20", Ports.Udp(443)))).Build();

        var tcp = Compile.Values(Compile.For(set), "Protocol").Where(v => v.Contains("IPPROTO_TCP")).ToList();
        Assert.NotEmpty(tcp);
        Assert.All(tcp, values => Assert.Contains("262", values));
    }
}
