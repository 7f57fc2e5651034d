using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>
/// Rules NetworkPolicy sees only in part: loopback inside the pod never leaves it, and Service addresses are
/// translated to pod addresses before NetworkPolicy matches.
/// </summary>
public sealed class PartialCoverageTests
{
    private static CoverageEntry EntryOf(CompilationResult result, string ruleSuffix) =>
        Coverage(result).Single(e => e.RuleId.Value.EndsWith(ruleSuffix, StringComparison.Ordinal));

    private static PolicySet Server(Action<Building.ServerBuilder> server) =>
        PolicySet.Named("p").Workspace("acme", ws => ws.Server("fetch", server)).Build();

    [Fact]
    public void Allowlist_IsPartialBecauseLoopbackInsideThePodIsNotSeen()
    {
        var result = Compile(Server(s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.Tcp(443))));

        var entry = EntryOf(result, "/default-deny-egress");
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("loopback inside the pod is not seen by NetworkPolicy", entry.Reason);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    [InlineData("120.0.0.0/5")]
    public void DenyCoveringInPodAddresses_IsPartial(string cidr)
    {
        var result = Compile(Server(s => s.DenyCidr(cidr)));

        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("loopback inside the pod is not seen by NetworkPolicy", entry.Reason);
        Assert.DoesNotContain("Service addresses", entry.Reason);
    }

    [Fact]
    public void DenyClearOfPodAndServiceAddresses_IsEnforced()
    {
        var result = Compile(Server(s => s.DenyCidr("203.0.113.0/24")));

        Assert.Equal(CoverageStatus.Enforced, Assert.Single(Coverage(result)).Status);
    }

    [Fact]
    public void DenyOverlappingServiceRange_IsPartialAndNamesTheServiceRange()
    {
        var result = Compile(Server(s => s.DenyCidr("10.96.0.0/16")));

        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("Service addresses (10.96.0.0/16)", entry.Reason);
        Assert.Contains("DNAT", entry.Reason);
        Assert.DoesNotContain("loopback", entry.Reason);
    }

    [Fact]
    public void DenyContainingServiceRange_NamesTheServiceRangeItself()
    {
        var result = Compile(Server(s => s.DenyCidr("10.64.0.0/10")));

        Assert.Contains("Service addresses (10.96.0.0/12)", Assert.Single(Coverage(result)).Reason);
    }

    [Fact]
    public void CorporateRangeOverlappingServiceRange_IsPartial()
    {
        var facts = Kind with { CorporateRanges = [Networking.IpCidr.Parse("10.96.0.0/11")] };

        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCorporateNetwork().Server("fetch")).Build(), facts);

        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("Service addresses (10.96.0.0/12)", entry.Reason);
    }

    [Fact]
    public void DenyOverlappingServiceRange_OnSomePorts_IsPartialEvenWhenPodsAreDeniedThere()
    {
        var result = Compile(Server(s => s.DenyCidr(["10.0.0.0/8"], Ports.Tcp(443))));

        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("Service addresses (10.96.0.0/12)", entry.Reason);
    }

    [Fact]
    public void DenyOfServiceAndEveryPodRangeOnAllPorts_IsEnforcedAfterDnat()
    {
        var result = Compile(Server(s => s.DenyCidr(["10.0.0.0/8", "fd00::/8"], Ports.Any)));

        Assert.Equal(CoverageStatus.Enforced, Assert.Single(Coverage(result)).Status);
    }

    [Fact]
    public void DenyClusterInternal_IsEnforcedBecauseThePodsBehindServicesAreDeniedToo()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyClusterInternal().Server("fetch")).Build());

        Assert.Equal(CoverageStatus.Enforced, Assert.Single(Coverage(result)).Status);
    }

    [Fact]
    public void DenyOverlappingServiceRange_WithoutServiceFacts_IsEnforced()
    {
        var result = Compile(Server(s => s.DenyCidr("10.96.0.0/16")), Kind with { ServiceCidrs = [] });

        Assert.Equal(CoverageStatus.Enforced, Assert.Single(Coverage(result)).Status);
    }

    [Fact]
    public void PartialRuleWithNetworkPolicyOnly_WarnsThatNoEngineFullyEnforcesIt()
    {
        var result = Compile(Server(s => s.DenyCidr("10.96.0.0/16")));

        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.NotEnforced);
        Assert.Contains("networkpolicy: partial", warning.Problem);
    }

    [Fact]
    public void DenyLateral_WithAnotherDenyOverPodAddresses_IsWidenedBecauseOwnWorkspacePodsAreNotSelected()
    {
        var result = Compile(PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyLateral().DenyCidr("fd00::/8").Server("fetch")).Build());

        var entry = EntryOf(result, "/deny-lateral");
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("stricter than declared", entry.Reason);
    }

    [Fact]
    public void DenyLateral_Alone_IsEnforced()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyLateral().Server("fetch")).Build());

        Assert.Equal(CoverageStatus.Enforced, EntryOf(result, "/deny-lateral").Status);
    }

    [Fact]
    public void PartialCoverage_LeavesTheEmittedObjectAsStrictAsBefore()
    {
        var spec = Spec(Server(s => s.DenyCidr("10.96.0.0/16")));

        var rule = Assert.Single(NonDns(spec), r => Cidrs(r).Contains("0.0.0.0/0"));
        Assert.Equal(["10.96.0.0/16"], Excepts(rule, "0.0.0.0/0"));
    }
}
