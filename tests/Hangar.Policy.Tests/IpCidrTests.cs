using Hangar.Policy.Networking;

namespace Hangar.Policy.Tests;

public sealed class IpCidrTests
{
    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("0.0.0.0/0")]
    [InlineData("169.254.169.254/32")]
    [InlineData("::/0")]
    [InlineData("fd00:ec2::254/128")]
    [InlineData("fe80::/10")]
    [InlineData("::a00:0/104")]
    [InlineData("::2/128")]
    [InlineData("::1:0/112")]
    public void Parse_CanonicalCidr_RoundTrips(string text) => Assert.Equal(text, IpCidr.Parse(text).ToString());

    [Theory]
    [InlineData("169.254.169.254", "169.254.169.254/32")]
    [InlineData("::1", "::1/128")]
    [InlineData("::", "::/128")]
    [InlineData("::a00:1", "::a00:1/128")]
    public void Parse_SingleAddress_BecomesHostRoute(string text, string expected) => Assert.Equal(expected, IpCidr.Parse(text).ToString());

    [Theory]
    [InlineData("10.0.0.1/8", "host bits set; the network is 10.0.0.0/8")]
    [InlineData("FD00::/8", "write fd00::/8")]
    [InlineData("10.0.0.0/08", "invalid prefix length")]
    [InlineData("10.0.0.0/33", "invalid prefix length")]
    [InlineData("010.0.0.0/8", "not an IPv4 or IPv6 address range")]
    [InlineData("2130706433", "not an IPv4 or IPv6 address range")]
    [InlineData("0x7f.0.0.1/32", "not an IPv4 or IPv6 address range")]
    [InlineData("127.1/32", "not an IPv4 or IPv6 address range")]
    [InlineData("::ffff:127.0.0.0/104", "IPv4-mapped")]
    [InlineData("fe80::1%eth0/128", "zone id")]
    [InlineData("::10.0.0.0/104", "write ::a00:0/104")]
    [InlineData("", "empty value")]
    [InlineData("10.0.0.0/", "invalid prefix length")]
    public void TryParse_BadInput_ExplainsProblemAndFix(string text, string expected)
    {
        Assert.False(IpCidr.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void ToIPv4Mapped_ShiftsPrefixInto96BitSpace()
    {
        var mapped = IpCidr.Parse("127.0.0.0/8").ToIPv4Mapped();

        Assert.Equal("::ffff:7f00:0/104", mapped.ToString());
        Assert.False(mapped.IsIPv4);
        Assert.True(mapped.Contains(System.Net.IPAddress.Parse("::ffff:127.9.9.9")));
        Assert.False(mapped.Contains(System.Net.IPAddress.Parse("::ffff:128.0.0.1")));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0/8", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    [InlineData("::/0", "fd00::/8", true)]
    public void Contains_RespectsPrefixAndFamily(string outer, string inner, bool expected) =>
        Assert.Equal(expected, IpCidr.Parse(outer).Contains(IpCidr.Parse(inner)));

    [Fact]
    public void CompareTo_OrdersIPv4BeforeIPv6ThenByAddress()
    {
        var sorted = new[] { "fd00::/8", "10.0.0.0/8", "9.0.0.0/8", "10.0.0.0/16" }.Select(IpCidr.Parse).Order().Select(c => c.ToString());

        Assert.Equal(["9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "fd00::/8"], sorted);
    }
}
