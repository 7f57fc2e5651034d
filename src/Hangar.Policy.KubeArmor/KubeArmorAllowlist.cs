using Hangar.Policy.Rules;

namespace Hangar.Policy.KubeArmor;

/// <summary>
/// The allowlists of one kind (executables, or writable files) that apply to one server: its own, its workspace's
/// and its tools'. KubeArmor's allowlist mode covers the whole container and admits what any Allow entry lists, so
/// writing each list as it is would admit their union; the policy means a process may only do what every list
/// applying to it admits. The lists are therefore intersected into one.
/// </summary>
internal sealed class KubeArmorAllowlist
{
    private readonly List<(ScopedRule Scoped, IReadOnlyList<PathMatch> Paths)> _lists = [];

    /// <summary>The rules whose lists are intersected, in the order they were added.</summary>
    public IEnumerable<ScopedRule> Rules => _lists.Select(l => l.Scoped);

    /// <summary>How many lists are intersected.</summary>
    public int Count => _lists.Count;

    /// <summary>
    /// True when some list applies to fewer processes than another (a tool's list beside the server's, or two
    /// tools' lists), so the intersection confines some processes more than the policy does.
    /// </summary>
    public bool MixesScopes => _lists.Count > 1 && _lists.Any(l => l.Scoped.IsToolRule);

    /// <summary>Adds the list of <paramref name="scoped"/>.</summary>
    public void Add(ScopedRule scoped, IReadOnlyList<PathMatch> paths) => _lists.Add((scoped, paths));

    /// <summary>True when <paramref name="scoped"/> is one of the intersected rules.</summary>
    public bool Contains(ScopedRule scoped) => _lists.Any(l => ReferenceEquals(l.Scoped, scoped));

    /// <summary>The paths every list (of the rules <paramref name="include"/> accepts) admits; one list is kept as written.</summary>
    public IReadOnlyList<PathMatch> Paths(Func<ScopedRule, bool>? include = null)
    {
        var lists = _lists.Where(l => include?.Invoke(l.Scoped) ?? true).Select(l => l.Paths).ToList();
        if (lists.Count == 0)
            return [];
        var result = lists[0];
        foreach (var paths in lists.Skip(1))
            result = Intersect(result, paths);
        return result;
    }

    /// <summary>
    /// The paths both <paramref name="left"/> and <paramref name="right"/> admit: of two overlapping matches the
    /// narrower one (a file inside a directory, or the deeper directory), without duplicates or covered entries.
    /// </summary>
    public static IReadOnlyList<PathMatch> Intersect(IReadOnlyList<PathMatch> left, IReadOnlyList<PathMatch> right)
    {
        var overlaps = new List<PathMatch>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (a.Covers(b))
                    overlaps.Add(b);
                else if (b.Covers(a))
                    overlaps.Add(a);
            }
        }
        return [.. overlaps.Distinct().Where(p => !overlaps.Any(o => o != p && o.IsDirectory && o.Covers(p)))];
    }
}
