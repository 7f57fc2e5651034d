using Hangar.Policy.Kubernetes.Apply;
using Hangar.Policy.Kubernetes.Comparison;

namespace Hangar.Policy.Kubernetes.Tests;

public sealed class DiffTests
{
    [Fact]
    public async Task Diff_LiveMatchesDesiredExceptServerFieldsAndDefaults_HasNoDifferences()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();
        await cluster.ApplyAsync(result);
        cluster.Emulator.ClearLogs();

        var report = await cluster.Applier.DiffAsync(result.PolicySet, result.Objects, prune: true, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.ExitCode(forDiff: true));
        Assert.All(report.Objects, o => Assert.Equal("", o.Diff));
        Assert.Empty(cluster.Emulator.Writes);
    }

    [Fact]
    public async Task Diff_RuleRemoved_ShowsUnifiedDiffsAndPrunesAndExitCodeOne()
    {
        using var cluster = new Cluster();
        await cluster.ApplyAsync(Cluster.Compile());
        var changed = Cluster.Compile(denyCloudMetadata: false);
        cluster.Emulator.ClearLogs();

        var report = await cluster.Applier.DiffAsync(changed.PolicySet, changed.Objects, prune: true,
            TestContext.Current.CancellationToken);

        Assert.Equal(1, report.ExitCode(forDiff: true));
        var configured = Assert.Single(report.Objects, o => o.Outcome == ObjectOutcome.Configured && o.Name == "fetch-egress");
        Assert.StartsWith("--- live/networking.k8s.io.v1.NetworkPolicy.acme.fetch-egress\n" +
            "+++ desired/networking.k8s.io.v1.NetworkPolicy.acme.fetch-egress\n@@",
            configured.Diff, StringComparison.Ordinal);
        Assert.Contains("\n-        - 169.254.0.0/16\n", configured.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("resourceVersion", configured.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("managedFields", configured.Diff, StringComparison.Ordinal);
        Assert.Equal(2, report.Count(ObjectOutcome.Pruned));
        Assert.Empty(cluster.Emulator.Writes);
    }

    [Fact]
    public void UnifiedDiff_OneLineChanged_PrintsOneHunkWithContext()
    {
        var diff = UnifiedDiff.Create("a", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "b", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");

        Assert.Equal("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void UnifiedDiff_FromNothing_AddsEveryLine() =>
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.Create("a", "", "b", "x\ny\n"));
}
