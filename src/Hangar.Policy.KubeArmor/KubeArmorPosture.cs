namespace Hangar.Policy.KubeArmor;

/// <summary>
/// What KubeArmor does with an operation no Allow rule matches once a resource type is in allowlist mode: the
/// namespace's default posture (annotation <c>kubearmor-file-posture</c>; processes follow the file posture).
/// </summary>
public enum KubeArmorPosture
{
    /// <summary>Unmatched operations are allowed and reported (KubeArmor's default).</summary>
    Audit,

    /// <summary>Unmatched operations are blocked.</summary>
    Block,
}
