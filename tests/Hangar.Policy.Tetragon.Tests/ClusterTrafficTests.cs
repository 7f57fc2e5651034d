using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// Traffic to pods and Services: Tetragon matches addresses only, and sees a Service address before it is
/// translated to a pod, so it cannot keep exactly what DenyLateral and cluster DNS keep; it blocks more and says so.
/// </summary>
public sealed class ClusterTrafficTests
{
    private static CompilationResult Workspace(Func<WorkspaceBuilder, WorkspaceBuilder> rules, ClusterFacts? facts = null) =>
        Compile.For(PolicySet.Named("p").Workspace("acme", ws => rules(ws).Server("fetch")).Build(), cluster: facts);

    private static CoverageEntry Entry(CompilationResult result, string intent) =>
        result.Coverage.Entries.Single(e => e.RuleId.Value.EndsWith(intent, StringComparison.Ordinal));

    [Fact]
    public void DenyLateral_DeniesTheServiceRanges_SoServicesOfOtherWorkspacesAreBlocked()
    {
        var simulator = new TetragonSimulator(Workspace(ws => ws.DenyLateral()).Objects);

        Assert.True(simulator.Blocks(Connection.V4("10.96.12.7", 443)));
        Assert.True(simulator.Blocks(Connection.V4("10.96.0.10", 443)));
        Assert.False(simulator.Blocks(Connection.V4("10.96.0.10", 53, Protocol.Udp)));
        Assert.False(simulator.Blocks(Connection.V4("8.8.8.8", 443)));
    }

    [Fact]
    public void DenyLateral_IsReportedWidened_NamingTheOwnWorkspaceAndTheServices()
    {
        var entry = Entry(Workspace(ws => ws.DenyLateral()), "deny-lateral");

        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("pods of this workspace (namespace acme) too", entry.Reason);
        Assert.Contains("service ranges (10.96.0.0/12)", entry.Reason);
    }

    [Fact]
    public void DenyLateral_WithoutServiceRanges_IsAnError()
    {
        var result = Workspace(ws => ws.DenyLateral(), Compile.Cluster with { ServiceCidrs = [] });

        Assert.Empty(result.Objects);
        Assert.Contains(result.Errors, e => e.Id == DiagnosticIds.MissingClusterFact && e.Problem.Contains("service_cidrs"));
    }

    [Fact]
    public void DenyClusterInternal_IsReportedWidened_BecauseDnsPodsReachedDirectlyAreBlocked()
    {
        var result = Workspace(ws => ws.DenyClusterInternal());
        var entry = Entry(result, "deny-cluster-internal");

        Assert.True(new TetragonSimulator(result.Objects).Blocks(Connection.V4("10.244.0.10", 53, Protocol.Udp)));
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("DNS pods (namespace kube-system, k8s-app=kube-dns) queried at their own pod addresses", entry.Reason);
    }

    [Fact]
    public void Allowlist_IsReportedWidened_BecauseDnsPodsReachedDirectlyAreBlocked()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("git", s => s.DefaultDenyEgress().AllowEgress("140.82.112.0/20", Ports.Tcp(443)))).Build();
        var result = Compile.For(set);
        var entry = Entry(result, "default-deny-egress");

        Assert.True(new TetragonSimulator(result.Objects).Blocks(Connection.V4("10.244.0.10", 53, Protocol.Udp)));
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("queried at their own pod addresses are blocked unless an allow admits them", entry.Reason);
    }
}
