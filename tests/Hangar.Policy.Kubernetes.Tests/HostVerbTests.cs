using Hangar.Policy.Hosting;
using Hangar.Policy.Hosting.Backends;
using Hangar.Policy.Kubernetes.Tests.Fixtures;

namespace Hangar.Policy.Kubernetes.Tests;

/// <summary>The <c>detect</c>, <c>diff</c> and <c>apply</c> verbs of the policy command line, run against the emulator.</summary>
public sealed class HostVerbTests : IDisposable
{
    private readonly Cluster _cluster = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("hangar-verbs-").FullName;

    [Fact]
    public void ApplyDryRun_EmptyCluster_PrintsOneLinePerObjectAndWritesNothing()
    {
        var run = Run("apply", "--dry-run", "--engines", "networkpolicy,tetragon");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("NetworkPolicy acme/fetch-egress created (dry run)\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("acme-mcp: 7 created, 0 failed (dry run)\n", run.Out, StringComparison.Ordinal);
        Assert.Empty(_cluster.Emulator.Writes);
    }

    [Fact]
    public void Apply_ThenDiff_ExitCodeZeroAndNoOutput()
    {
        Assert.Equal(0, Run("apply", "--engines", "networkpolicy,tetragon").ExitCode);

        var diff = Run("diff", "--prune", "--engines", "networkpolicy,tetragon");

        Assert.Equal(0, diff.ExitCode);
        Assert.Equal("", diff.Out);
    }

    [Fact]
    public void Diff_EmptyCluster_ExitCodeOneWithUnifiedDiffs()
    {
        var diff = Run("diff", "--engines", "networkpolicy,tetragon");

        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("+++ desired/networking.k8s.io.v1.NetworkPolicy.acme.fetch-egress\n", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RequiredEngineMissing_FailsBeforeAnyWrite()
    {
        using var bare = new Cluster(tetragon: false);

        var run = Run(bare, "apply", "--engines", "networkpolicy,tetragon", "--require", "tetragon");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("error: engine 'tetragon' is required but it is missing", run.Error, StringComparison.Ordinal);
        Assert.Empty(bare.Emulator.Writes);
    }

    [Fact]
    public void Apply_EngineMissingNotRequired_WarnsAndAppliesTheRest()
    {
        using var bare = new Cluster(tetragon: false);

        var run = Run(bare, "apply", "--engines", "networkpolicy,tetragon");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: engine 'tetragon' skipped", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("acme-mcp: 2 created, 0 failed\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_PrintsOneRowPerEngine()
    {
        var run = Run("detect");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("networkpolicy  yes      1.31.2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_UnknownContext_IsAUsageError()
    {
        var run = Run("apply", "--context", "nowhere");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("nowhere", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cluster.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private (int ExitCode, string Out, string Error) Run(params string[] args) => Run(_cluster, args);

    private (int ExitCode, string Out, string Error) Run(Cluster cluster, params string[] args)
    {
        var kubeconfig = Path.Combine(_folder, $"kubeconfig-{cluster.Emulator.Port}");
        File.WriteAllText(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: emulator
            clusters:
            - name: emulator
              cluster:
                server: http://127.0.0.1:{cluster.Emulator.Port}
            users:
            - name: emulator
              user:
                token: emulator-token
            contexts:
            - name: emulator
              context:
                cluster: emulator
                user: emulator
            """);
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var options = new HangarHostOptions
        {
            Out = output,
            Error = error,
            WorkingDirectory = _folder,
            ApplicationDirectory = null,
            Backends = new BackendRegistry()
                .Register("networkpolicy", () => new NetworkPolicyFixture())
                .Register("tetragon", () => new TracingPolicyFixture()),
        };
        var code = HangarHost.Run([.. args, "--kubeconfig", kubeconfig], () => Cluster.Policy(), options);
        return (code, output.ToString(), error.ToString());
    }
}
