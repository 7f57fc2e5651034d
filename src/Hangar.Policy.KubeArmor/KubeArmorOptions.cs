namespace Hangar.Policy.KubeArmor;

/// <summary>How the KubeArmor backend emits.</summary>
public sealed record KubeArmorOptions
{
    /// <summary>
    /// The default file posture of the workspaces' namespaces, which decides what allowlist rules
    /// (<c>AllowExec</c>, <c>DenyFileWritesOutside</c>) do with operations they do not list. Default:
    /// <see cref="KubeArmorPosture.Audit"/>, KubeArmor's own default, under which those rules only detect. Set
    /// <see cref="KubeArmorPosture.Block"/> only when every namespace is annotated
    /// <c>kubearmor-file-posture=block</c> (or KubeArmor's global default is block).
    /// </summary>
    public KubeArmorPosture FilePosture { get; init; } = KubeArmorPosture.Audit;

    /// <summary>The severity (1-10) written on every policy. Default: 5.</summary>
    public int Severity { get; init; } = 5;
}
