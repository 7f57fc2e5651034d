using Hangar.Policy.Configuration;

namespace Hangar.Policy.KubeArmor;

/// <summary>How the KubeArmor backend emits, and what it may assume about the cluster's KubeArmor.</summary>
/// <example>
/// In hangar.yaml (read by <see cref="From"/>):
/// <code>
/// engine_options:
///   kubearmor:
///     posture: { file: block, network: audit, capabilities: audit }
///     severity: 5
/// </code>
/// </example>
public sealed record KubeArmorOptions
{
    private static readonly Dictionary<string, KubeArmorPosture> Postures = new(StringComparer.Ordinal)
    {
        ["audit"] = KubeArmorPosture.Audit,
        ["block"] = KubeArmorPosture.Block,
    };

    /// <summary>
    /// The default file posture of the workspaces' namespaces (annotation <c>kubearmor-file-posture</c>; processes
    /// follow it too), which decides what allowlist rules (<c>AllowExec</c>, <c>DenyFileWritesOutside</c>) do with
    /// operations they do not list. Default: null, not declared: KubeArmor's own default, audit, is assumed, and
    /// those rules only detect. Declare <see cref="KubeArmorPosture.Block"/> only when every namespace is
    /// annotated <c>kubearmor-file-posture=block</c> (or KubeArmor's global default is block): the backend trusts
    /// the declaration, states it in the coverage, and never checks or sets the annotation.
    /// </summary>
    public KubeArmorPosture? FilePosture { get; init; }

    /// <summary>
    /// The default network posture (annotation <c>kubearmor-network-posture</c>). Default: null, not declared.
    /// Recorded only: the backend emits no network allowlist, so it changes no object and no coverage.
    /// </summary>
    public KubeArmorPosture? NetworkPosture { get; init; }

    /// <summary>
    /// The default capabilities posture (annotation <c>kubearmor-capabilities-posture</c>). Default: null, not
    /// declared. Recorded only: the backend emits no capability allowlist, so it changes no object and no coverage.
    /// </summary>
    public KubeArmorPosture? CapabilitiesPosture { get; init; }

    /// <summary>The severity (1-10) written on every policy. Default: 5.</summary>
    public int Severity { get; init; } = 5;

    /// <summary>
    /// Reads the <c>engine_options.kubearmor</c> section of hangar.yaml: <c>posture</c> (keys <c>file</c>,
    /// <c>network</c>, <c>capabilities</c>, each <c>audit</c> or <c>block</c>) and <c>severity</c> (1-10). Absent
    /// keys keep their defaults; a null section gives the defaults. Throws <see cref="HangarConfigException"/>
    /// naming the key, the value and the allowed values for anything else.
    /// </summary>
    public static KubeArmorOptions From(EngineOptionsSection? section)
    {
        var options = new KubeArmorOptions();
        if (section is null)
            return options;

        section.AllowOnly("posture", "severity");
        if (section.Contains("severity"))
            options = options with { Severity = section.Integer("severity", 1, 10) };
        if (!section.Contains("posture"))
            return options;

        var posture = section.Section("posture");
        if (posture.Contains("process"))
        {
            throw posture.Error("process", "KubeArmor has no process posture: processes follow the file posture",
                "remove process: and set file:");
        }
        posture.AllowOnly("file", "network", "capabilities");
        return options with
        {
            FilePosture = Posture(posture, "file"),
            NetworkPosture = Posture(posture, "network"),
            CapabilitiesPosture = Posture(posture, "capabilities"),
        };
    }

    private static KubeArmorPosture? Posture(EngineOptionsSection posture, string key) =>
        posture.Contains(key) ? posture.Choice(key, Postures) : null;
}
