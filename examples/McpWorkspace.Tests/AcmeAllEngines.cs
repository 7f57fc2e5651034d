using Hangar.Policy.Compilation;
using Hangar.Policy.Falco;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Model;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Testing;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Tetragon;

namespace McpWorkspace.Tests;

/// <summary>
/// The example's policy compiled for all four engines of its hangar.yaml, with KubeArmor's default file posture
/// as the cluster has it: audit (hangar.yaml) or, once the namespace is annotated, block.
/// </summary>
internal static class AcmeAllEngines
{
    /// <summary>A simulator over the example's policy, or over <paramref name="set"/>, for all four engines.</summary>
    public static PolicySimulator Simulator(KubeArmorPosture posture, PolicySet? set = null)
    {
        var options = AcmePolicy.Options with
        {
            Backends =
            [
                new NetworkPolicyBackend(), new TetragonBackend(), new KubeArmorBackend(new KubeArmorOptions { FilePosture = posture }),
                new FalcoBackend(),
            ],
        };
        // The posture is a fact of the cluster, not of the emitted objects: tell the KubeArmor evaluator too.
        return PolicySimulator.Compile(set ?? AcmeWorkspace.Build(), options)
            .Use(new KubeArmorEvaluator(posture == KubeArmorPosture.Block ? KubeArmorDefaultPosture.Block : KubeArmorDefaultPosture.Audit));
    }
}
