using System.Net;
using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Testing.Tests;

/// <summary>
/// Shrunk counterexamples of the differential tests that show a backend defect not fixed yet (see
/// <see cref="KnownDefects"/>). Each is skipped naming the defect, and passes once the backend is fixed.
/// </summary>
public sealed class KnownDefectTests
{
    private static readonly DestinationPod DnsPod =
        DestinationPod.Of("kube-system", "k8s-app=kube-dns") with { Address = IPAddress.Parse("10.244.0.10") };

    private static PolicySimulator Compile(PolicySet set) => PolicySimulator.Compile(set, DifferentialTests.Options);

    private static IReadOnlyList<string> Violations(PolicySimulator simulator, SimulationReport report) =>
        ConsistencyCheck.Violations(report, [.. simulator.CoverageOfServer(report.Event.Source)]);

    [Fact]
    public void NetworkPolicy_AllowlistCoverage_DoesNotClaimLoopback()
    {
        var simulator = Compile(PolicySet.Named("random").Workspace("acme", ws => ws.Server("fetch", s => s.DefaultDenyEgress())).Build());

        var report = simulator.Connect().From("acme/fetch").To("127.0.0.1:443").Evaluate();

        var allowlist = Assert.Single(report.Coverage, e => e.Backend == "networkpolicy" && e.RuleId.Value == "acme/fetch/default-deny-egress");
        Assert.Equal(CoverageStatus.Partial, allowlist.Status);
        Assert.Contains("loopback inside the pod is not seen by NetworkPolicy", allowlist.Reason);
        Assert.Empty(Violations(simulator, report));
    }

    [Fact(Skip = "Defect in the Tetragon backend: DenyLateral is reported 'enforced' although every pod range is denied, "
        + "pods of the source's own workspace too (it should be reported widened)")]
    public void Tetragon_LateralCoverage_AdmitsItBlocksOwnWorkspace()
    {
        var simulator = Compile(PolicySet.Named("random").Workspace("acme", ws => ws.DenyLateral().Server("fetch", _ => { })).Build());

        var report = simulator.Connect().From("acme/fetch").To("10.244.200.9:80")
            .ReachingPod(DestinationPod.Of("acme", "hangar.dev/server=git")).Evaluate();

        Assert.Empty(Violations(simulator, report));
    }

    [Fact(Skip = "Defect in the Tetragon backend: cluster DNS is kept at the service address only, so DNS pods reached by "
        + "their pod address are blocked by DenyClusterInternal while coverage says 'enforced'")]
    public void Tetragon_ClusterInternal_KeepsDnsPodsReachedDirectly()
    {
        var simulator = Compile(PolicySet.Named("random").Workspace("acme", ws => ws.DenyClusterInternal().Server("fetch", _ => { })).Build());

        simulator.Connect().From("acme/fetch").To("10.244.0.10:53").Udp().ReachingPod(DnsPod with { Address = null })
            .ShouldBeAllowedBy("tetragon");
    }

    // Formerly a Tetragon defect (the tool's binary escaped its server's enforced allowlist); the core now rejects
    // the policy, so no backend ever sees it.
    [Fact]
    public void ToolAuditAllowlist_BelowEnforcedServerAllowlist_IsRejectedAtBuild()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("random").Workspace("acme", ws => ws
            .Server("git", s => s.DefaultDenyEgress().AllowEgress("fd00::/8", Ports.Any)
                .Tool("run", t => t.RunsAs("/usr/bin/git").DefaultDenyEgress(RuleMode.Audit)))).Build());

        var diagnostic = Assert.Single(error.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticIds.DuplicateRule, diagnostic.Id);
        Assert.Contains("audit-only allowlist is declared below the enforced allowlist", diagnostic.ToString());
    }

    [Fact]
    public void Tetragon_Ipv6Allow_DoesNotOpenMappedIpv4()
    {
        var simulator = Compile(PolicySet.Named("random").Workspace("acme", ws => ws
            .Server("fetch", s => s.DefaultDenyEgress().AllowEgress("::/0", Ports.Any))).Build());

        simulator.Connect().From("acme/fetch").To("[::ffff:8.8.8.8]:443").ShouldBeBlockedBy("tetragon");
    }

    [Fact(Skip = "Defect in the Tetragon backend: DenyLateral is reported 'enforced' but Tetragon sees the Service address "
        + "before DNAT, so a Service fronting another workspace's pods stays reachable")]
    public void Tetragon_Lateral_BlocksServicesOfOtherWorkspaces()
    {
        var simulator = Compile(PolicySet.Named("random").Workspace("acme", ws => ws.DenyLateral().Server("fetch", _ => { })).Build());

        simulator.Connect().From("acme/fetch").To("10.96.0.10:443").ReachingPod(DnsPod).ShouldBeBlockedBy("tetragon");
    }

    // Formerly a NetworkPolicy defect: cluster DNS stayed allowed although an explicit DenyCidr covered it on port 53.
    [Fact]
    public void NetworkPolicy_ExplicitDenyOfDns_Wins()
    {
        var simulator = Compile(PolicySet.Named("random").Workspace("acme", ws => ws
            .Server("git", s => s.DenyCidr(["0.0.0.0/0"], Ports.TcpAndUdp(53)))).Build());

        simulator.Connect().From("acme/git").To("10.96.0.10:53").Udp().ReachingPod(DnsPod).ShouldBeBlockedBy("networkpolicy");
    }
}
