using System.Security.Cryptography;
using System.Text;
using Hangar.Policy.Compilation;
using Hangar.Policy.Validation;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// Names the NetworkPolicy of each server: <c>hangar-{server}-egress</c>, or <c>hangar-{workspace}-{server}-egress</c>
/// when two workspaces share a namespace and a server name. Names are DNS-1123 labels of at most 63 characters;
/// a longer one is cut and given a digest of the server's scope, so that it stays unique.
/// </summary>
internal static class NetworkPolicyNames
{
    /// <summary>The name of every target's object, by the target's scope path.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<ServerTarget> targets)
    {
        var list = targets.ToList();
        var clashing = list.GroupBy(t => (t.Namespace, t.Server)).Where(g => g.Count() > 1).SelectMany(g => g)
            .Select(t => t.Scope.Path).ToHashSet(StringComparer.Ordinal);
        return list.ToDictionary(t => t.Scope.Path, t => Fit(clashing.Contains(t.Scope.Path)
            ? $"hangar-{t.Workspace}-{t.Server}-egress"
            : $"hangar-{t.Server}-egress", t.Scope.Path), StringComparer.Ordinal);
    }

    private static string Fit(string name, string scopePath)
    {
        if (KubernetesNames.IsDnsLabel(name))
            return name;
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scopePath)))[..12];
        var stem = KubernetesNames.SuggestDnsLabel(name);
        return $"{stem[..Math.Min(stem.Length, 63 - 13)].TrimEnd('-')}-{digest}";
    }
}
