using Hangar.Policy.Kubernetes.Apply;
using Hangar.Policy.Kubernetes.Connection;

namespace Hangar.Policy.Kubernetes.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Apply_ServerAnswers429And500ThenSucceeds_RetriesAndCreates()
    {
        using var cluster = new Cluster();
        var result = Cluster.Compile();
        cluster.Emulator.Fail("PATCH", "/networkpolicies/fetch-egress", 429, times: 1);
        cluster.Emulator.Fail("PATCH", "/networkpolicies/fetch-egress", 500, times: 1);

        var report = await cluster.ApplyAsync(result);

        Assert.True(report.Succeeded, string.Join("\n", report.Objects));
        const string Patch = "PATCH /apis/networking.k8s.io/v1/namespaces/acme/networkpolicies/fetch-egress";
        Assert.Equal(3, cluster.Emulator.Requests.Count(r => r.StartsWith(Patch, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Apply_ServerKeepsFailing_ReportsFailureAfterTheLastTry()
    {
        using var cluster = new Cluster();
        cluster.Emulator.Fail("PATCH", "/networkpolicies/git-egress", 503, times: 100);

        var report = await cluster.ApplyAsync(Cluster.Compile());

        var failed = Assert.Single(report.Objects, o => o.Outcome == ObjectOutcome.Failed);
        Assert.Contains("503", failed.Message, StringComparison.Ordinal);
        Assert.Equal(RetryPolicy.Default.MaxAttempts,
            cluster.Emulator.Requests.Count(r => r.Contains("/networkpolicies/git-egress?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Send_AnswerSlowerThanTheTimeout_IsRetried()
    {
        using var cluster = new Cluster();
        using var client = new ClusterClient(cluster.Emulator.Configuration, new RetryPolicy
        {
            BaseDelay = TimeSpan.FromMilliseconds(5),
            RequestTimeout = TimeSpan.FromMilliseconds(300),
        });
        cluster.Emulator.Fail("GET", "/version", 200, times: 1, delay: TimeSpan.FromSeconds(2));

        var answer = await client.GetAsync("/version", TestContext.Current.CancellationToken);

        Assert.True(answer.IsSuccess);
        Assert.Equal("v1.31.2", answer.Body!["gitVersion"]!.GetValue<string>());
        Assert.Equal(2, cluster.Emulator.Requests.Count(r => r == "GET /version"));
    }

    [Fact]
    public async Task Apply_Cancelled_StopsWithOperationCanceled()
    {
        using var cluster = new Cluster();
        cluster.Emulator.Fail("GET", "/namespaces/acme/", 200, times: 100, delay: TimeSpan.FromSeconds(1));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
        var result = Cluster.Compile();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            cluster.Applier.ApplyAsync(result.PolicySet, result.Objects, new ApplyOptions(), cancel.Token));
        Assert.Empty(cluster.Emulator.Writes);
    }
}
