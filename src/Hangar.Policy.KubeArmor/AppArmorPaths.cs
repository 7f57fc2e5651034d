namespace Hangar.Policy.KubeArmor;

/// <summary>
/// Which paths KubeArmor can carry: its AppArmor enforcer writes every path, in rules and in <c>fromSource</c>
/// alike, into a profile where a quote or a backslash cannot be written literally.
/// </summary>
internal static class AppArmorPaths
{
    /// <summary>True when <paramref name="path"/> holds neither a quote nor a backslash.</summary>
    public static bool CanCarry(string path) => !path.Contains('"') && !path.Contains('\\');
}
