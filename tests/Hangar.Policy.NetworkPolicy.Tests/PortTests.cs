using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

public sealed class PortTests
{
    private static PolicySet SshDeny() =>
        PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.0.0.0/8", Ports.Tcp(22)).Server("fetch")).Build();

    // Clear of the cluster's pod and Service ranges, so that only the ports decide the coverage.
    private static PolicySet ExternalSshDeny() =>
        PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("203.0.113.0/24", Ports.Tcp(22)).Server("fetch")).Build();

    [Fact]
    public void PortScopedDeny_OpensTheRangeOnEveryOtherPort()
    {
        var rules = NonDns(Spec(SshDeny()));

        Assert.Equal(2, rules.Count);
        Assert.Equal(["10.0.0.0/8"], Excepts(rules[0], "0.0.0.0/0"));
        Assert.False(rules[0].ContainsKey("ports"));
        Assert.Empty(Excepts(rules[1], "0.0.0.0/0"));
        Assert.Equal(["TCP/1-21", "TCP/23-65535", "UDP/1-65535", "SCTP/1-65535"], PortList(rules[1]));
    }

    [Fact]
    public void PortScopedDeny_IsEnforcedOnCurrentKubernetes()
    {
        var result = Compile(ExternalSshDeny());

        Assert.Equal(CoverageStatus.Enforced, Assert.Single(Coverage(result)).Status);
    }

    [Fact]
    public void PortScopedDeny_BeforeEndPort_IsWidenedToAllPorts()
    {
        var result = Compile(ExternalSshDeny(), version: "1.24.0");

        var rules = NonDns(Assert.Single(result.Objects).Body.Node("spec")!);
        Assert.Equal(["203.0.113.0/24"], Excepts(Assert.Single(rules), "0.0.0.0/0"));
        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("endPort needs 1.25", entry.Reason);
    }

    [Fact]
    public void PartialDeny_BeforeEndPort_StaysPartialAndSaysItIsStricterOnPorts()
    {
        var result = Compile(SshDeny(), version: "1.24.0");

        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("Service addresses (10.96.0.0/12)", entry.Reason);
        Assert.Contains("endPort needs 1.25", entry.Reason);
    }

    [Fact]
    public void ShortRange_BeforeEndPort_IsListedPortByPort()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("web", s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.TcpRange(8080, 8083)))).Build(),
            version: "1.24.0");

        Assert.Equal(["TCP/8080", "TCP/8081", "TCP/8082", "TCP/8083"], PortList(Assert.Single(NonDns(spec))));
    }

    [Fact]
    public void LongAllowRange_BeforeEndPort_IsLeftOutAndReported()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("web", s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.TcpRange(8000, 8999)))).Build(),
            version: "1.24.0");

        Assert.Empty(NonDns(Assert.Single(result.Objects).Body.Node("spec")!));
        var entry = Coverage(result).Single(e => e.RuleId.Value.Contains("allow-egress"));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("TCP/8000-8999", entry.Reason);
    }

    [Fact]
    public void SctpAllow_BeforeKubernetes120_IsLeftOut()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("sig", s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.Sctp(2905)))).Build(), version: "1.19.0");

        Assert.Empty(NonDns(Assert.Single(result.Objects).Body.Node("spec")!));
        Assert.Equal(CoverageStatus.Unsupported, Coverage(result).Single(e => e.RuleId.Value.Contains("allow-egress")).Status);
    }

    [Fact]
    public void SctpAllow_OnKubernetes120_IsEmitted()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("sig", s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.Sctp(2905)))).Build(), version: "1.20.0");

        Assert.Equal(["SCTP/2905"], PortList(Assert.Single(NonDns(spec))));
    }

    [Fact]
    public void TcpAndUdpAllow_SharesOneRule()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("ntp", s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.TcpAndUdp(123)))).Build());

        Assert.Equal(["TCP/123", "UDP/123"], PortList(Assert.Single(NonDns(spec))));
    }
}
