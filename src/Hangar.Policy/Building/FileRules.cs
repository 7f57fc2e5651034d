using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Building;

/// <summary>The verbs that forbid reading or writing files: <c>DenyFileRead</c>, <c>DenyFileWrite</c>,
/// <c>DenyFileWritesOutside</c>.</summary>
public static class FileRules
{
    /// <summary>Forbids opening <paramref name="paths"/> (files, or directories ending in '/') for reading.</summary>
    /// <example><code>ws.DenyFileRead("/var/run/secrets/kubernetes.io/serviceaccount/")</code></example>
    public static TSelf DenyFileRead<TSelf>(this TSelf scope, params string[] paths) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenyFileAccess(FileAccess.Read, paths, mode: null);

    /// <summary>Forbids opening <paramref name="paths"/> (files, or directories ending in '/') for writing.</summary>
    /// <example><code>ws.DenyFileWrite("/etc/", "/usr/")</code></example>
    public static TSelf DenyFileWrite<TSelf>(this TSelf scope, params string[] paths) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenyFileAccess(FileAccess.Write, paths, mode: null);

    /// <summary>
    /// Forbids <paramref name="access"/> (read, write or both) to <paramref name="paths"/>. A path under a directory
    /// that is a symbolic link in common images (<c>/var/run</c>, <c>/bin</c>, <c>/lib</c>) is denied in its resolved
    /// spelling too (<c>/run/secrets/</c> for <c>/var/run/secrets/</c>), because engines match the resolved path.
    /// </summary>
    public static TSelf DenyFileAccess<TSelf>(this TSelf scope, FileAccess access, IEnumerable<string> paths, RuleMode? mode = null)
        where TSelf : ScopeBuilder<TSelf>
    {
        if (access is not (FileAccess.Read or FileAccess.Write or FileAccess.ReadWrite))
            throw scope.Reject(Validation.DiagnosticIds.InvalidPath, $"DenyFileAccess({access}, …)",
                $"'{access}' is not a kind of file access",
                "pass FileAccess.Read, FileAccess.Write or FileAccess.ReadWrite");
        var verb = access switch { FileAccess.Read => "DenyFileRead", FileAccess.Write => "DenyFileWrite", _ => "DenyFileAccess" };
        var parsed = PathArguments.Parse(scope, verb, paths, allowDirectories: true, addResolved: true);
        return scope.AddRule(new DenyFileAccessRule { Scope = scope.Scope, Paths = parsed, Access = access }, mode);
    }

    /// <summary>
    /// Confines writes to <paramref name="roots"/>: the scope's processes may open files for writing only below
    /// these directories (ending in '/') or at these files. Reads stay unrestricted.
    /// </summary>
    /// <example><code>s.DenyFileWritesOutside("/projects/", "/tmp/")</code></example>
    public static TSelf DenyFileWritesOutside<TSelf>(this TSelf scope, params string[] roots) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenyFileWritesOutside(roots, mode: null);

    /// <summary>Like <see cref="DenyFileWritesOutside{TSelf}(TSelf, string[])"/>, with an explicit mode.</summary>
    public static TSelf DenyFileWritesOutside<TSelf>(this TSelf scope, IEnumerable<string> roots, RuleMode? mode)
        where TSelf : ScopeBuilder<TSelf>
    {
        var parsed = PathArguments.Parse(scope, "DenyFileWritesOutside", roots, allowDirectories: true);
        if (parsed.Any(p => p.Path == "/"))
            throw scope.Reject(Validation.DiagnosticIds.InvalidPath, "DenyFileWritesOutside(\"/\")",
                "'/' contains every path, so the rule would confine nothing",
                    "name the directories writes are confined to, e.g. \"/data/\"");
        return scope.AddRule(new DenyFileWritesOutsideRule { Scope = scope.Scope, Paths = parsed }, mode);
    }
}
