using System.Security.Cryptography;
using System.Text;
using Hangar.Policy.Compilation;
using Hangar.Policy.Validation;

namespace Hangar.Policy.KubeArmor;

/// <summary>
/// Names the policies of each server: <c>hangar-{server}</c> for denies and <c>hangar-{server}-allowlist</c>
/// for allowlists, with the workspace inserted when two workspaces share a namespace and a server name. A name
/// too long for a DNS label is cut and given a digest of the scope, so that it stays unique.
/// </summary>
internal static class KubeArmorNames
{
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<ServerTarget> targets)
    {
        var list = targets.ToList();
        var clashing = list.GroupBy(t => (t.Namespace, t.Server)).Where(g => g.Count() > 1).SelectMany(g => g)
            .Select(t => t.Scope.Path).ToHashSet(StringComparer.Ordinal);
        return list.ToDictionary(t => t.Scope.Path, t => clashing.Contains(t.Scope.Path)
            ? $"hangar-{t.Workspace}-{t.Server}" : $"hangar-{t.Server}", StringComparer.Ordinal);
    }

    /// <summary><paramref name="stem"/> plus <paramref name="suffix"/>, fitted into 63 characters.</summary>
    public static string Fit(string stem, string suffix, string scopePath)
    {
        var name = stem + suffix;
        if (KubernetesNames.IsDnsLabel(name))
            return name;
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scopePath + suffix)))[..12];
        var cut = KubernetesNames.SuggestDnsLabel(name);
        return $"{cut[..Math.Min(cut.Length, 63 - 13)].TrimEnd('-')}-{digest}";
    }
}
