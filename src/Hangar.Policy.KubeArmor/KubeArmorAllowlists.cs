namespace Hangar.Policy.KubeArmor;

/// <summary>The allowlists of one server, by kind, collected before they are intersected and emitted.</summary>
internal sealed class KubeArmorAllowlists
{
    /// <summary>The <c>AllowExec</c> lists.</summary>
    public KubeArmorAllowlist Executables { get; } = new();

    /// <summary>The <c>DenyFileWritesOutside</c> lists (where writes are allowed).</summary>
    public KubeArmorAllowlist Writes { get; } = new();
}
