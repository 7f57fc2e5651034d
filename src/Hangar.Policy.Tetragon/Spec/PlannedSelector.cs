using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Spec;

/// <summary>
/// A selector a hook family wants emitted, before selectors are packed into hooks and policies.
/// </summary>
/// <param name="Family">The hook family's short name, part of the policy name (e.g. <c>egress</c>).</param>
/// <param name="Hook">The function the selector belongs to.</param>
/// <param name="Mode">Enforce selectors and audit selectors never share a policy.</param>
/// <param name="Selector">The selector.</param>
/// <param name="Rules">The rules whose events the selector produces: tags and annotation.</param>
/// <param name="Shaping">Rules that shaped the selector without producing its events (an allowlist's allows): annotation only.</param>
internal sealed record PlannedSelector(
    string Family, HookCall Hook, RuleMode Mode, HookSelector Selector, ImmutableArray<ResolvedRule> Rules,
    ImmutableArray<ResolvedRule> Shaping = default)
{
    /// <summary>Every rule the selector stems from.</summary>
    public IEnumerable<ResolvedRule> AllRules => Shaping.IsDefault ? Rules : Rules.Concat(Shaping);
}
