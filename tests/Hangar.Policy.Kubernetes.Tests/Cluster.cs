using Hangar.Policy.Compilation;
using Hangar.Policy.Kubernetes.Apply;
using Hangar.Policy.Kubernetes.Connection;
using Hangar.Policy.Kubernetes.Tests.Emulator;
using Hangar.Policy.Kubernetes.Tests.Fixtures;
using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Kubernetes.Tests;

/// <summary>An emulated cluster with the Tetragon CRDs installed, a client with quick retries, and the test policies.</summary>
internal sealed class Cluster : IDisposable
{
    public Cluster(bool tetragon = true, bool podSelectorInSchema = true)
    {
        if (tetragon)
        {
            Emulator.InstallCrd(TetragonCrd.TracingPolicy());
            Emulator.InstallCrd(TetragonCrd.TracingPolicyNamespaced(podSelectorInSchema));
        }
        Client = new ClusterClient(Emulator.Configuration, new RetryPolicy
        {
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(2),
        });
        Applier = new PolicyApplier(Client, Logger);
    }

    public ApiServerEmulator Emulator { get; } = new();

    public ClusterClient Client { get; }

    public ListLogger Logger { get; } = new();

    public PolicyApplier Applier { get; }

    /// <summary>The policy: workspace acme denies loopback and cloud metadata for servers fetch and git.</summary>
    public static PolicySet Policy(bool denyCloudMetadata = true) => PolicySet.Named("acme-mcp")
        .Workspace("acme", ws =>
        {
            ws.DenyLoopback();
            if (denyCloudMetadata)
                ws.DenyCloudMetadata();
            ws.Server("fetch", s => s.DenyCidr("192.0.2.0/24")).Server("git", _ => { });
        })
        .Build();

    public static CompilationResult Compile(PolicySet policy, params IPolicyBackend[] backends)
    {
        var result = PolicyCompiler.Compile(policy, new CompileOptions { Backends = [.. backends] });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    public static CompilationResult Compile(bool denyCloudMetadata = true) =>
        Compile(Policy(denyCloudMetadata), new NetworkPolicyFixture(), new TracingPolicyFixture());

    public Task<ApplyReport> ApplyAsync(CompilationResult result, ApplyOptions? options = null) =>
        Applier.ApplyAsync(result.PolicySet, result.Objects, options ?? new ApplyOptions(), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Client.Dispose();
        Emulator.Dispose();
    }
}
