using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

public sealed class AllowlistTests
{
    [Fact]
    public void EmptyAllowlist_KeepsOnlyClusterDns()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress())).Build());

        var rule = Assert.Single(Egress(spec));
        Assert.Equal(["UDP/53", "TCP/53"], PortList(rule));
        Assert.Equal(["Egress"], (IEnumerable<string>)spec["policyTypes"]!);
    }

    [Fact]
    public void EmptyAllowlist_NeverEmitsAnAllowAllRule()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress())).Build(),
            Kind with { NodeLocalDns = null });

        Assert.All(Egress(spec), r =>
        {
            Assert.True(r.ContainsKey("to"));
            Assert.NotEmpty(List(r, "to"));
            Assert.True(r.ContainsKey("ports"));
        });
    }

    [Fact]
    public void Allow_IsEmittedOnItsPortsOnly()
    {
        var spec = Spec(PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("github", s => s.DefaultDenyEgress().AllowEgress("140.82.112.0/20", Ports.Tcp(443))))
            .Build());

        var rule = Assert.Single(NonDns(spec));
        Assert.Equal(["140.82.112.0/20"], Cidrs(rule));
        Assert.Equal(["TCP/443"], PortList(rule));
    }

    [Fact]
    public void Allow_WithDeniedSubRange_ExceptsIt()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.1.0.0/16")
            .Server("db", s => s.DefaultDenyEgress().AllowEgress("10.0.0.0/8", Ports.Tcp(5432)))).Build());

        Assert.Equal(["10.1.0.0/16"], Excepts(Assert.Single(NonDns(spec)), "10.0.0.0/8"));
    }

    [Fact]
    public void Allow_WithDeniedSubRangeOnOtherPorts_StaysWhole()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.1.0.0/16", Ports.Tcp(22))
            .Server("db", s => s.DefaultDenyEgress().AllowEgress("10.0.0.0/8", Ports.Tcp(5432)))).Build());

        Assert.Empty(Excepts(Assert.Single(NonDns(spec)), "10.0.0.0/8"));
    }

    [Fact]
    public void AllowlistWithLateralDeny_SelectsNoPods()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyLateral()
            .Server("github", s => s.DefaultDenyEgress().AllowEgress("0.0.0.0/0", Ports.Tcp(443)))).Build());

        var rule = Assert.Single(NonDns(spec));
        Assert.Equal(["10.244.0.0/16"], Excepts(rule, "0.0.0.0/0"));
        Assert.All(List(rule, "to"), p => Assert.True(p.ContainsKey("ipBlock")));
    }

    [Fact]
    public void HostnameAllow_IsUnsupportedAndStaysBlocked()
    {
        var result = Compile(PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("github", s => s.DefaultDenyEgress().AllowEgress("api.github.com", Ports.Tcp(443))))
            .Build());

        var spec = Assert.Single(result.Objects).Body.Node("spec")!;
        Assert.Empty(NonDns(spec));
        var entry = Coverage(result).Single(e => e.RuleId.Value.Contains("allow-egress"));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("stays blocked under the allowlist", entry.Reason);
    }

    [Fact]
    public void ToolAllow_IsUnsupportedAndNotWidened()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("fs", s => s.DefaultDenyEgress().Tool("read_file", t => t.AllowEgress("203.0.113.0/24", Ports.Tcp(443))))).Build());

        var spec = Assert.Single(result.Objects).Body.Node("spec")!;
        Assert.Empty(NonDns(spec));
        var entry = Coverage(result).Single(e => e.RuleId.Value.Contains("allow-egress"));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("more permissive", entry.Reason);
    }

    [Fact]
    public void ToolDefaultDeny_WidensAllowlistToTheServer()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("fs", s => s.AllowEgress("203.0.113.0/24", Ports.Tcp(443)).Tool("write_file", t => t.DefaultDenyEgress()))).Build());

        var spec = Assert.Single(result.Objects).Body.Node("spec")!;
        Assert.Equal(["203.0.113.0/24"], Cidrs(Assert.Single(NonDns(spec))));
        var entry = Coverage(result).Single(e => e.RuleId.Value.EndsWith("default-deny-egress"));
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("for the whole server 'acme/fs'", entry.Reason);
        Assert.Contains("loopback inside the pod is not seen by NetworkPolicy", entry.Reason);
    }

    [Fact]
    public void AllowWithoutAllowlist_EmitsNothingAndIsEnforced()
    {
        var result = Compile(PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("github", s => s.AllowEgress("140.82.112.0/20", Ports.Tcp(443)))).Build());

        Assert.Empty(result.Objects);
        Assert.Equal(CoverageStatus.Enforced, Assert.Single(Coverage(result)).Status);
    }

    [Fact]
    public void AuditAllowlist_IsUnsupportedAndNotEmitted()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.Audit().Server("git", s => s.DefaultDenyEgress())).Build());

        Assert.Empty(result.Objects);
        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("cannot audit", entry.Reason);
    }

    [Fact]
    public void LateralDenyUnderAllowlist_SaysOwnPodsNeedAnAllow()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyLateral()
            .Server("github", s => s.DefaultDenyEgress().AllowEgress("0.0.0.0/0", Ports.Tcp(443)))).Build());

        var entry = Coverage(result).Single(e => e.RuleId.Value.EndsWith("deny-lateral"));
        Assert.Equal(CoverageStatus.Enforced, entry.Status);
        Assert.Contains("reachable only where an allow covers them", entry.Reason);
    }
}
