using System.Collections.Immutable;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>Checks the path arguments of the process-level verbs.</summary>
internal static class PathArguments
{
    /// <summary>
    /// Checks <paramref name="paths"/>. With <paramref name="addResolved"/> (denies only) a path under a directory
    /// that is a symbolic link in common images (<c>/bin/sh</c>) is kept and its resolved spelling
    /// (<c>/usr/bin/sh</c>) added, because engines match the resolved path: denying both is stricter, never wider.
    /// </summary>
    internal static ImmutableArray<PathMatch> Parse<TSelf>(TSelf scope, string verb, IEnumerable<string>? paths, bool allowDirectories,
        bool addResolved = false)
        where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        if (list.Count == 0)
            throw scope.Reject(DiagnosticIds.InvalidPath, $"{verb}()", "no path was given",
                allowDirectories ? $"pass at least one absolute path, e.g. {verb}(\"/usr/bin/git\") or {verb}(\"/data/\")"
                    : $"pass at least one absolute path, e.g. {verb}(\"/usr/bin/git\")");

        foreach (var path in list)
        {
            if (!FilePaths.IsValid(path, allowDirectories, out var problem))
                throw scope.Reject(DiagnosticIds.InvalidPath, $"{verb}(\"{FilePaths.Printable(path)}\")", problem,
                    Fix(path, allowDirectories));
        }
        if (addResolved)
        {
            foreach (var path in list.ToList())
            {
                if (SymlinkedPaths.Resolved(path) is not { } resolved)
                    continue;
                if (!FilePaths.IsValid(resolved, allowDirectories, out var problem))
                    throw scope.Reject(DiagnosticIds.InvalidPath, $"{verb}(\"{FilePaths.Printable(path)}\")",
                        $"its resolved spelling, which engines match, is not usable: {problem}", Fix(resolved, allowDirectories));
                list.Add(resolved);
            }
        }
        return [.. list.Distinct(StringComparer.Ordinal).Select(p => new PathMatch(p)).Order()];
    }

    private static string Fix(string? path, bool allowDirectories)
    {
        var directoryForm = allowDirectories ? "; end a directory with '/' (\"/var/lib/app/\")" : "";
        if (string.IsNullOrEmpty(path) || path[0] != '/')
            return $"write the absolute path, e.g. \"/usr/bin/git\"{directoryForm}";
        if (!allowDirectories && path.EndsWith('/'))
            return $"name the file itself, e.g. \"{path.TrimEnd('/')}\"";
        return $"write the absolute, resolved path without '//', '.', '..', globs or control characters, "
            + $"at most {FilePaths.MaxLength} bytes in UTF-8 (a non-ASCII character takes 2-4 bytes){directoryForm}";
    }
}
