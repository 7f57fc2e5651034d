using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Building;

/// <summary>The <c>AllowExec</c> and <c>DenyExec</c> verbs.</summary>
public static class ExecRules
{
    /// <summary>
    /// Puts the scope's executables in allowlist mode: its processes may run only <paramref name="paths"/>
    /// (absolute executable paths, or directories ending in '/' for everything below them). List the server's
    /// own entrypoint too. At tool scope the rule applies to the tool's binaries.
    /// </summary>
    /// <example><code>s.AllowExec("/usr/bin/git", "/usr/lib/git-core/")</code></example>
    public static TSelf AllowExec<TSelf>(this TSelf scope, params string[] paths) where TSelf : ScopeBuilder<TSelf> =>
        scope.AllowExec(paths, mode: null);

    /// <summary>Like <see cref="AllowExec{TSelf}(TSelf, string[])"/>, with an explicit mode.</summary>
    public static TSelf AllowExec<TSelf>(this TSelf scope, IEnumerable<string> paths, RuleMode? mode) where TSelf : ScopeBuilder<TSelf> =>
        scope.AddRule(new AllowExecRule { Scope = scope.Scope,
            Paths = PathArguments.Parse(scope, "AllowExec", paths, allowDirectories: true) }, mode);

    /// <summary>
    /// Forbids running <paramref name="paths"/> (executables, or directories ending in '/'). A path under a directory
    /// that is a symbolic link in common images (<c>/bin</c>, <c>/sbin</c>, <c>/lib</c>, <c>/var/run</c>) is denied in
    /// its resolved spelling too (<c>/usr/bin/sh</c> for <c>/bin/sh</c>), because engines match the resolved path.
    /// </summary>
    /// <example><code>ws.DenyExec("/usr/bin/curl", "/usr/bin/wget", "/tmp/")</code></example>
    public static TSelf DenyExec<TSelf>(this TSelf scope, params string[] paths) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenyExec(paths, mode: null);

    /// <summary>Like <see cref="DenyExec{TSelf}(TSelf, string[])"/>, with an explicit mode.</summary>
    public static TSelf DenyExec<TSelf>(this TSelf scope, IEnumerable<string> paths, RuleMode? mode) where TSelf : ScopeBuilder<TSelf> =>
        scope.AddRule(new DenyExecRule { Scope = scope.Scope,
            Paths = PathArguments.Parse(scope, "DenyExec", paths, allowDirectories: true, addResolved: true) }, mode);
}
