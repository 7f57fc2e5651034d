namespace Hangar.Policy.Validation;

/// <summary>
/// Directories that are symbolic links in common container images: <c>/var/run</c> → <c>/run</c>, and with a merged
/// <c>/usr</c> <c>/bin</c>, <c>/sbin</c>, <c>/lib</c> and <c>/lib64</c> → their <c>/usr</c> twins. Tetragon and
/// KubeArmor match the path the kernel resolved, so a rule written with the link's spelling
/// (<c>/bin/sh</c>, <c>/var/run/secrets/…</c>) never matches in such an image.
/// </summary>
public static class SymlinkedPaths
{
    private static readonly (string Link, string Target)[] Links =
    [
        ("/var/run/", "/run/"),
        ("/bin/", "/usr/bin/"),
        ("/sbin/", "/usr/sbin/"),
        ("/lib/", "/usr/lib/"),
        ("/lib64/", "/usr/lib64/"),
    ];

    /// <summary>
    /// The resolved spelling of <paramref name="path"/> when it starts with (or is) one of the linked directories,
    /// e.g. <c>/usr/bin/sh</c> for <c>/bin/sh</c>; null otherwise.
    /// </summary>
    public static string? Resolved(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (link, target) in Links)
        {
            if (path.StartsWith(link, StringComparison.Ordinal))
                return target + path[link.Length..];
            if (path == link[..^1])
                return target[..^1];
        }
        return null;
    }
}
