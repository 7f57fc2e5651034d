using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Apply;
using Microsoft.Extensions.Logging;

namespace Hangar.Policy.Kubernetes.Tests;

public sealed class ApplyScenarioTests
{
    [Fact]
    public async Task Apply_EmptyCluster_CreatesEveryObject()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();

        var report = await cluster.ApplyAsync(result);

        Assert.True(report.Succeeded, string.Join("\n", report.Objects));
        Assert.Equal(result.Objects.Length, report.Count(ObjectOutcome.Created));
        Assert.Equal(result.Objects.Length, cluster.Emulator.Writes.Count);
        var live = cluster.Emulator.Live("networking.k8s.io/v1", "NetworkPolicy", "acme", "fetch-egress");
        Assert.NotNull(live);
        Assert.Equal("hangar-policy", live["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_UnchangedSetAppliedAgain_PerformsNoWrites()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();
        await cluster.ApplyAsync(result);
        cluster.Emulator.ClearLogs();

        var report = await cluster.ApplyAsync(Cluster.Compile(), new ApplyOptions { Prune = true });

        Assert.True(report.Succeeded, string.Join("\n", report.Objects));
        Assert.Equal(result.Objects.Length, report.Count(ObjectOutcome.Unchanged));
        Assert.Empty(cluster.Emulator.Writes);
        Assert.All(cluster.Emulator.Requests.Where(r => r.StartsWith("PATCH", StringComparison.Ordinal)),
            r => Assert.Contains("dryRun=All", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_RuleRemovedWithPrune_DeletesOnlyTheObjectsOfThatRule()
    {
        using var cluster = new Cluster();
        var before = Cluster.Compile();
        await cluster.ApplyAsync(before);
        var after = Cluster.Compile(denyCloudMetadata: false);
        var gone = before.Objects.Where(o => !after.Objects.Any(a => a.Kind == o.Kind && a.Name == o.Name)).ToList();

        var report = await cluster.ApplyAsync(after, new ApplyOptions { Prune = true });

        Assert.True(report.Succeeded, string.Join("\n", report.Objects));
        Assert.Equal(2, gone.Count);
        var prunedNames = report.Objects.Where(o => o.Outcome == ObjectOutcome.Pruned).Select(o => o.Name).Order();
        Assert.Equal(gone.Select(g => g.Name).Order(), prunedNames);
        Assert.All(gone, g => Assert.Null(cluster.Emulator.Live(g.ApiVersion, g.Kind, g.Namespace, g.Name)));
        Assert.All(after.Objects, o => Assert.NotNull(cluster.Emulator.Live(o.ApiVersion, o.Kind, o.Namespace, o.Name)));
    }

    [Fact]
    public async Task Apply_UnlabelledObjectWithSameName_ReportsConflictAndLeavesItUntouched()
    {
        using var cluster = new Cluster();
        var theirs = new JsonObject
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = new JsonObject { ["name"] = "fetch-egress", ["namespace"] = "acme" },
            ["spec"] = new JsonObject { ["podSelector"] = new JsonObject(), ["policyTypes"] = new JsonArray("Ingress") },
        };
        cluster.Emulator.Seed("networking.k8s.io/v1", "NetworkPolicy", theirs);
        var before = cluster.Emulator.Live("networking.k8s.io/v1", "NetworkPolicy", "acme", "fetch-egress")!.ToJsonString();

        var report = await cluster.ApplyAsync(Cluster.Compile(), new ApplyOptions { Prune = true, ForceConflicts = true });

        var conflict = Assert.Single(report.Objects, o => o.Outcome == ObjectOutcome.Conflict);
        Assert.Equal("fetch-egress", conflict.Name);
        Assert.Contains("no Hangar.Policy ownership labels", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(before, cluster.Emulator.Live("networking.k8s.io/v1", "NetworkPolicy", "acme", "fetch-egress")!.ToJsonString());
        Assert.DoesNotContain(cluster.Emulator.Writes, w => w.EndsWith("/fetch-egress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prune_UnlabelledObjectOfAnotherOwner_IsNeverDeleted()
    {
        using var cluster = new Cluster();
        cluster.Emulator.Seed("networking.k8s.io/v1", "NetworkPolicy", new JsonObject
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = new JsonObject
            {
                ["name"] = "someone-elses",
                ["namespace"] = "acme",
                ["labels"] = new JsonObject { ["hangar.dev/policy-set"] = "acme-mcp" },
            },
            ["spec"] = new JsonObject { ["podSelector"] = new JsonObject() },
        });

        var report = await cluster.ApplyAsync(Cluster.Compile(), new ApplyOptions { Prune = true });

        Assert.DoesNotContain(report.Objects, o => o.Outcome == ObjectOutcome.Pruned);
        Assert.NotNull(cluster.Emulator.Live("networking.k8s.io/v1", "NetworkPolicy", "acme", "someone-elses"));
    }

    [Fact]
    public async Task Apply_ServerRejectsOneObjectHalfway_ReportsItAndRerunConverges()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();
        cluster.Emulator.Fail("PATCH", "/networkpolicies/git-egress", 422, times: 1,
            body: """
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid",
                 "message":"admission webhook denied it","code":422}
                """);

        var first = await cluster.ApplyAsync(result, new ApplyOptions { Prune = true, MaxConcurrency = 1 });
        var second = await cluster.ApplyAsync(result, new ApplyOptions { Prune = true });

        var failed = Assert.Single(first.Objects, o => o.Outcome == ObjectOutcome.Failed);
        Assert.Equal("git-egress", failed.Name);
        Assert.Contains("admission webhook denied it", failed.Message, StringComparison.Ordinal);
        Assert.Equal(result.Objects.Length - 1, first.Count(ObjectOutcome.Created));
        Assert.Contains(first.Notes, n => n.StartsWith("prune skipped", StringComparison.Ordinal));
        Assert.True(second.Succeeded, string.Join("\n", second.Objects));
        Assert.Equal(1, second.Count(ObjectOutcome.Created));
        Assert.Equal(result.Objects.Length - 1, second.Count(ObjectOutcome.Unchanged));
        Assert.Contains(cluster.Logger.Lines,
            l => l.Level == LogLevel.Error && l.Line.StartsWith("NetworkPolicy acme/git-egress failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_CrdSchemaLacksFieldTheEmitterUses_IsCaughtBeforeAnyWrite()
    {
        using var cluster = new Cluster(podSelectorInSchema: false);

        var report = await cluster.ApplyAsync(Cluster.Compile());

        Assert.False(report.Succeeded);
        Assert.Empty(cluster.Emulator.Writes);
        var failed = report.Objects.Where(o => o.Outcome == ObjectOutcome.Failed).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, f => Assert.Equal("TracingPolicyNamespaced", f.Kind));
        Assert.All(failed, f => Assert.Contains(
            "/spec/podSelector: field 'podSelector' is not in the schema the cluster serves", f.Message, StringComparison.Ordinal));
        Assert.All(report.Objects.Where(o => o.Kind == "NetworkPolicy"), o => Assert.Equal(ObjectOutcome.Skipped, o.Outcome));
    }

    [Fact]
    public async Task Apply_FieldOwnedByAnotherManager_ReportsFieldAndOwnerUnlessForced()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();
        await cluster.ApplyAsync(result);
        var live = cluster.Emulator.Live("networking.k8s.io/v1", "NetworkPolicy", "acme", "fetch-egress")!;
        live["spec"]!["policyTypes"] = new JsonArray("Ingress", "Egress");
        cluster.Emulator.Store.Apply(new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
            new JsonObject
            {
                ["apiVersion"] = "networking.k8s.io/v1",
                ["kind"] = "NetworkPolicy",
                ["metadata"] = new JsonObject { ["name"] = "fetch-egress", ["namespace"] = "acme" },
                ["spec"] = new JsonObject { ["policyTypes"] = new JsonArray("Ingress", "Egress") },
            }, "platform-team", force: true, dryRun: false);
        cluster.Emulator.ClearLogs();

        var refused = await cluster.ApplyAsync(result);
        var forced = await cluster.ApplyAsync(result, new ApplyOptions { ForceConflicts = true });

        var conflict = Assert.Single(refused.Objects, o => o.Outcome == ObjectOutcome.Conflict);
        Assert.Equal(new Connection.FieldConflict(".spec.policyTypes", "platform-team"), Assert.Single(conflict.Conflicts));
        Assert.Contains("--force-conflicts", conflict.Message, StringComparison.Ordinal);
        Assert.Single(forced.Objects, o => o.Outcome == ObjectOutcome.Configured);
        Assert.Single(cluster.Emulator.Writes);
    }

    [Fact]
    public async Task Apply_DryRun_SendsDryRunAllAndStoresNothing()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();

        var report = await cluster.ApplyAsync(result, new ApplyOptions { DryRun = true, Prune = true });

        Assert.True(report.DryRun);
        Assert.Equal(result.Objects.Length, report.Count(ObjectOutcome.Created));
        Assert.Empty(cluster.Emulator.Writes);
        Assert.All(cluster.Emulator.Requests.Where(r => r.StartsWith("PATCH", StringComparison.Ordinal)),
            r => Assert.Contains("dryRun=All", r, StringComparison.Ordinal));
        Assert.Null(cluster.Emulator.Live("networking.k8s.io/v1", "NetworkPolicy", "acme", "fetch-egress"));
    }

    [Fact]
    public async Task Apply_EachObject_LogsOneLineWithKindNamespaceNameAndVerb()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();

        await cluster.ApplyAsync(result);

        Assert.Equal(result.Objects.Length, cluster.Logger.Lines.Count);
        Assert.Contains(cluster.Logger.Lines, l => l.Line == "NetworkPolicy acme/fetch-egress created");
    }

    [Fact]
    public async Task Apply_ObjectWithoutOwnershipLabels_IsRefusedBeforeAnyWrite()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();
        var stray = result.Objects[0] with { Name = "stray", Body = new Output.ObjectNode
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = new Output.ObjectNode { ["name"] = "stray", ["namespace"] = "acme" },
        } };

        var report = await cluster.Applier.ApplyAsync(result.PolicySet, [.. result.Objects, stray], new ApplyOptions(),
            TestContext.Current.CancellationToken);

        Assert.Contains("lacks the ownership labels", Assert.Single(report.Objects, o => o.Outcome == ObjectOutcome.Failed).Message,
            StringComparison.Ordinal);
        Assert.Empty(cluster.Emulator.Writes);
    }
}
