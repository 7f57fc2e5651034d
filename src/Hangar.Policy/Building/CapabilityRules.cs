using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>The <c>DenyCapability</c> verb.</summary>
public static class CapabilityRules
{
    /// <summary>
    /// Forbids using the Linux capabilities <paramref name="capabilities"/>, written as the kernel names them
    /// (<c>NET_RAW</c>, <c>CAP_SYS_ADMIN</c>; any case).
    /// </summary>
    /// <example><code>ws.DenyCapability("NET_RAW", "SYS_ADMIN")</code></example>
    public static TSelf DenyCapability<TSelf>(this TSelf scope, params string[] capabilities) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenyCapability(capabilities, mode: null);

    /// <summary>Like <see cref="DenyCapability{TSelf}(TSelf, string[])"/>, with an explicit mode.</summary>
    public static TSelf DenyCapability<TSelf>(this TSelf scope, IEnumerable<string> capabilities, RuleMode? mode)
        where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var parsed = new List<LinuxCapability>();
        foreach (var name in capabilities)
        {
            if (!LinuxCapabilities.TryParse(name, out var capability))
            {
                var suggestion = LinuxCapabilities.Suggest(name);
                throw scope.Reject(DiagnosticIds.InvalidCapability, $"DenyCapability(\"{FilePaths.Printable(name)}\")",
                    $"'{FilePaths.Printable(name)}' is not a Linux capability",
                    suggestion is not null ? $"did you mean \"{suggestion}\"? Use the kernel name, e.g. \"NET_RAW\" or \"SYS_ADMIN\""
                        : "use a kernel capability name such as \"NET_RAW\", \"SYS_ADMIN\" or \"SYS_PTRACE\" (see capabilities(7))");
            }
            parsed.Add(capability);
        }
        return scope.DenyCapability(parsed, mode);
    }

    /// <summary>Forbids using <paramref name="capabilities"/>.</summary>
    public static TSelf DenyCapability<TSelf>(this TSelf scope, IEnumerable<LinuxCapability> capabilities, RuleMode? mode = null)
        where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var list = capabilities.Distinct().Order().ToList();
        if (list.Count == 0)
            throw scope.Reject(DiagnosticIds.InvalidCapability, "DenyCapability()", "no capability was given",
                "pass at least one capability, e.g. DenyCapability(\"NET_RAW\")");
        if (list.Any(c => !Enum.IsDefined(c)))
            throw scope.Reject(DiagnosticIds.InvalidCapability, $"DenyCapability({string.Join(", ", list)})",
                $"'{list.First(c => !Enum.IsDefined(c))}' is not a Linux capability",
                    "use a LinuxCapability member such as LinuxCapability.NetRaw");
        return scope.AddRule(new DenyCapabilityRule { Scope = scope.Scope, Capabilities = [.. list] }, mode);
    }
}
