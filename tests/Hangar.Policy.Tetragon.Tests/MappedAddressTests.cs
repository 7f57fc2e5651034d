using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// IPv6 ranges that hold every IPv4-mapped address (::/0): an IPv6 socket dials IPv4 address a.b.c.d as
/// ::ffff:a.b.c.d, and Tetragon matches it against IPv6 values.
/// </summary>
public sealed class MappedAddressTests
{
    private static PolicySet AllowAllIPv6(string ipv6 = "::/0") => PolicySet.Named("p")
        .Workspace("acme", ws => ws.Server("fetch", s => s.DefaultDenyEgress()
            .AllowEgress("140.82.112.0/20", Ports.Tcp(443))
            .AllowEgress(ipv6, Ports.Any)))
        .Build();

    [Theory]
    [InlineData("1.7.0")]
    [InlineData("1.5.0")]
    public void Ipv6AllowOfEverything_DoesNotOpenIPv4ThroughMappedAddresses(string version)
    {
        var simulator = new TetragonSimulator(Compile.For(AllowAllIPv6(), version).Objects);

        Assert.True(simulator.Blocks(Connection.V4("8.8.8.8", 443).Mapped()));
        Assert.True(simulator.Blocks(Connection.V4("140.82.112.5", 80).Mapped()));
        Assert.False(simulator.Blocks(Connection.V4("140.82.112.5", 443).Mapped()));
        Assert.False(simulator.Blocks(Connection.V6("2001:db8::1", 80)));
        Assert.True(simulator.Blocks(Connection.V4("8.8.8.8", 443)));
    }

    [Fact]
    public void Ipv6AllowHoldingTheMappedRange_IsCutAroundIt()
    {
        var simulator = new TetragonSimulator(Compile.For(AllowAllIPv6("::/64")).Objects);

        Assert.True(simulator.Blocks(Connection.V4("8.8.8.8", 443).Mapped()));
        Assert.False(simulator.Blocks(Connection.V6("::1:2:3:4", 443)));
        Assert.True(simulator.Blocks(Connection.V6("1::1", 443)));
    }

    [Fact]
    public void Ipv6AllowOfEverything_BeforeTetragon15_BlocksEveryMappedAddress()
    {
        var simulator = new TetragonSimulator(Compile.For(AllowAllIPv6(), "1.4.0").Objects, mappedValuesInV6Map: false);

        Assert.True(simulator.Blocks(Connection.V4("8.8.8.8", 443).Mapped()));
        Assert.True(simulator.Blocks(Connection.V4("140.82.112.5", 443).Mapped()));
        Assert.False(simulator.Blocks(Connection.V6("2001:db8::1", 80)));
    }

    [Fact]
    public void Ipv6AllowOfEverything_CoverageSaysMappedAddressesAreLeftOut()
    {
        var result = Compile.For(AllowAllIPv6());

        var entry = result.Coverage.Entries.Single(e => e.RuleId.Value.Contains("allow-egress") && e.Reason.Contains("::/0"));
        Assert.Equal(CoverageStatus.Enforced, entry.Status);
        Assert.Contains("IPv4-mapped addresses (::ffff:0:0/96) are left out", entry.Reason);
    }

    [Fact]
    public void Ipv6DenyOfEverything_IsReportedStricterBecauseItBlocksMappedIPv4()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("fetch", s => s.DenyCidr("::/0"))).Build();
        var result = Compile.For(set);
        var simulator = new TetragonSimulator(result.Objects);

        Assert.True(simulator.Blocks(Connection.V4("8.8.8.8", 443).Mapped()));
        var entry = result.Coverage.Entries.Single(e => e.RuleId.Value.Contains("deny-cidr"));
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("IPv4 destinations dialled from IPv6 sockets", entry.Reason);
    }

    [Fact]
    public void Ipv4Deny_IsNotReportedStricter()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyLoopback().Server("fetch", _ => { })).Build();

        var entry = Compile.For(set).Coverage.Entries.Single(e => e.RuleId.Value.Contains("deny-loopback"));

        Assert.Equal(CoverageStatus.Enforced, entry.Status);
    }
}
