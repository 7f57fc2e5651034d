using System.Collections.Immutable;
using Hangar.Policy.Compilation;

namespace Hangar.Policy.KubeArmor;

/// <summary>A rule as it applies to one server: the binaries it is scoped to, and why it was widened if it was.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="FromSource">The tool binaries to scope it with (<c>fromSource</c>); empty for the whole server.</param>
/// <param name="WidenedBecause">Why a tool rule applies to the whole server, or null.</param>
internal sealed record ScopedRule(ResolvedRule Rule, ImmutableArray<string> FromSource, string? WidenedBecause)
{
    /// <summary>True when the rule comes from a tool, so it was meant for the tool's processes only.</summary>
    public bool IsToolRule => !FromSource.IsEmpty || WidenedBecause is not null;

    /// <summary>The server's rules, then each tool's rules scoped to its binaries.</summary>
    public static IEnumerable<ScopedRule> For(ServerTarget target)
    {
        foreach (var rule in target.Rules)
            yield return new ScopedRule(rule, [], null);

        foreach (var tool in target.Tools)
        {
            string? widened = null;
            if (tool.Binaries.IsEmpty)
                widened = $"tool '{tool.Name}' names no binary (RunsAs), so the rule applies to all of server '{target.Server}'";
            else if (tool.Binaries.FirstOrDefault(b => Validation.FilePaths.ByteLength(b) > Validation.FilePaths.MaxLength) is { } tooLong)
                widened = $"KubeArmor's fromSource takes at most {Validation.FilePaths.MaxLength} bytes and '{tooLong[..40]}…' is "
                    + $"longer, so the rule applies to all of server '{target.Server}'";
            else if (tool.Binaries.FirstOrDefault(b => !AppArmorPaths.CanCarry(b)) is { } unquotable)
                widened = $"the binary '{unquotable}' of tool '{tool.Name}' contains a quote or backslash, which KubeArmor's "
                    + "AppArmor profiles cannot carry literally, so fromSource cannot name it and the rule applies to all of "
                    + $"server '{target.Server}'";
            foreach (var rule in tool.Rules)
                yield return new ScopedRule(rule, widened is null ? tool.Binaries : [], widened);
        }
    }
}
