namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// What KubeArmor does with an operation that no Allow rule lists once a resource type is in allowlist mode: the
/// namespace's default posture (annotations <c>kubearmor-file-posture</c>, <c>kubearmor-network-posture</c>,
/// <c>kubearmor-capabilities-posture</c>; processes follow the file posture). It is a fact of the cluster, not
/// of the emitted objects, so the evaluator is told it.
/// </summary>
public enum KubeArmorDefaultPosture
{
    /// <summary>Unlisted operations go through and are reported (KubeArmor's default).</summary>
    Audit,

    /// <summary>Unlisted operations are blocked.</summary>
    Block,
}
