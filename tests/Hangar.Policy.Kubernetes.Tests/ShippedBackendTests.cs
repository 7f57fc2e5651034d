using Hangar.Policy.Building;
using Hangar.Policy.Hosting;
using Hangar.Policy.Model;

namespace Hangar.Policy.Kubernetes.Tests;

/// <summary>
/// The shipped NetworkPolicy and Tetragon backends applied through the <c>apply</c> verb to the emulator serving
/// the upstream Tetragon v1.7.0 CRDs, so their real output is checked against the schema a real cluster serves.
/// </summary>
public sealed class ShippedBackendTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hangar-shipped-").FullName;

    [Fact]
    public void Apply_ShippedBackendsAgainstUpstreamCrds_CreatesThenWritesNothingThenPrunesRemovedServer()
    {
        var tracing = Upstream.File("tetragon/crds/v1.7.0/cilium.io_tracingpolicies.yaml");
        var namespaced = Upstream.File("tetragon/crds/v1.7.0/cilium.io_tracingpoliciesnamespaced.yaml");
        Assert.SkipWhen(tracing is null || namespaced is null, "upstream Tetragon CRDs not found (set HANGAR_UPSTREAM)");
        using var cluster = new Cluster(tetragon: false);
        cluster.Emulator.InstallCrd(Upstream.ReadCrd(tracing!));
        cluster.Emulator.InstallCrd(Upstream.ReadCrd(namespaced!));
        File.WriteAllText(Path.Combine(_folder, "hangar.yaml"), """
            policy_engines: [networkpolicy, tetragon]
            cluster:
              pod_cidrs: [10.244.0.0/16]
              dns:
                namespace: kube-system
                pod_labels: { k8s-app: kube-dns }
                service_ip: 10.96.0.10
            """);

        var created = Run(cluster, Policy(withGit: true), "apply");
        var writesAfterCreate = cluster.Emulator.Writes.Count;
        var again = Run(cluster, Policy(withGit: true), "apply");
        var writesAfterAgain = cluster.Emulator.Writes.Count;
        var pruned = Run(cluster, Policy(withGit: false), "apply", "--prune");

        Assert.Equal((0, true), (created.ExitCode, created.Output.Contains("acme-mcp: 4 created, 0 failed", StringComparison.Ordinal)));
        Assert.Equal(4, writesAfterCreate);
        Assert.Contains("acme-mcp: 4 unchanged, 0 failed", again.Output, StringComparison.Ordinal);
        Assert.Equal(writesAfterCreate, writesAfterAgain);
        Assert.Equal(0, pruned.ExitCode);
        Assert.Contains("NetworkPolicy acme/hangar-git-egress pruned", pruned.Output, StringComparison.Ordinal);
        Assert.Contains("TracingPolicyNamespaced acme/acme-git-egress pruned", pruned.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Func<PolicySet> Policy(bool withGit) => () => PolicySet.Named("acme-mcp").Workspace("acme", ws =>
    {
        ws.DenyLoopback().DenyCloudMetadata().Server("fetch", s => s.DenyCidr("192.0.2.0/24"));
        if (withGit)
            ws.Server("git", _ => { });
    }).Build();

    private (int ExitCode, string Output) Run(Cluster cluster, Func<PolicySet> policy, params string[] args)
    {
        var kubeconfig = Path.Combine(_folder, "kubeconfig");
        File.WriteAllText(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: emulator
            clusters:
            - name: emulator
              cluster:
                server: http://127.0.0.1:{cluster.Emulator.Port}
            contexts:
            - name: emulator
              context:
                cluster: emulator
                user: emulator
            users:
            - name: emulator
              user:
                token: emulator-token
            """);
        var output = new StringWriter { NewLine = "\n" };
        var code = HangarHost.Run([.. args, "--kubeconfig", kubeconfig], policy,
            new HangarHostOptions { Out = output, Error = output, WorkingDirectory = _folder, ApplicationDirectory = null });
        return (code, output.ToString());
    }
}
