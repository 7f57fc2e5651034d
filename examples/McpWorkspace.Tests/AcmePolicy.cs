using Hangar.Policy.Compilation;
using Hangar.Policy.Configuration;
using Hangar.Policy.Model;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Testing;
using Hangar.Policy.Tetragon;

namespace McpWorkspace.Tests;

/// <summary>The example's policy compiled as it ships: the cluster facts and engine versions of its hangar.yaml.</summary>
internal static class AcmePolicy
{
    public static CompileOptions Options { get; } = CreateOptions();

    /// <summary>A simulator over the example's policy, or over <paramref name="set"/> compiled the same way.</summary>
    public static PolicySimulator Simulator(PolicySet? set = null) => PolicySimulator.Compile(set ?? AcmeWorkspace.Build(), Options);

    private static CompileOptions CreateOptions()
    {
        var config = HangarConfig.Load(Path.Combine(AppContext.BaseDirectory, "hangar.yaml"));
        return new CompileOptions
        {
            Backends = [new NetworkPolicyBackend(), new TetragonBackend()],
            Cluster = config.Cluster,
            EngineVersions = config.EngineVersions,
        };
    }
}
