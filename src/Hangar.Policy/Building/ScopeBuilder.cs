using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>
/// The part every scope builder shares: rules, audit mode and the way back to the policy set.
/// Rule verbs (<c>DenyLoopback</c>, <c>AllowEgress</c>, …) are extension methods over this type, one file each.
/// </summary>
/// <typeparam name="TSelf">The concrete builder, returned by every verb so that chains keep their type.</typeparam>
public abstract class ScopeBuilder<TSelf> where TSelf : ScopeBuilder<TSelf>
{
    private readonly List<(PolicyRule Rule, RuleMode? Mode)> _rules = [];

    private protected ScopeBuilder(PolicySetBuilder root, PolicyScope scope)
    {
        Root = root;
        Scope = scope;
    }

    /// <summary>The scope this builder declares rules at.</summary>
    public PolicyScope Scope { get; }

    /// <summary>The policy set being built.</summary>
    public PolicySetBuilder Root { get; }

    /// <summary>The mode set with <see cref="Audit"/> or <see cref="Enforce"/>, or null to inherit.</summary>
    internal RuleMode? ScopeMode { get; private set; }

    /// <summary>
    /// Makes every rule of this scope, and of the scopes below it, audit-only unless the rule says otherwise.
    /// Audit rules never block.
    /// </summary>
    public TSelf Audit() => SetMode(RuleMode.Audit, nameof(Audit));

    /// <summary>Makes the rules of this scope and below enforce (the default), overriding an outer <see cref="Audit"/>.</summary>
    public TSelf Enforce() => SetMode(RuleMode.Enforce, nameof(Enforce));

    // A mode set after rules would silently change them too, although the chain reads as if it did not.
    private TSelf SetMode(RuleMode mode, string verb)
    {
        if (_rules.Count > 0)
            throw Reject(DiagnosticIds.ModeAfterRules, $"{verb}()",
                $"{verb}() comes after {_rules.Count} rule(s) of this scope and would change their mode too",
                $"call {verb}() before the scope's rules, or pass mode: RuleMode.{mode} to the rules it should affect");
        ScopeMode = mode;
        return (TSelf)this;
    }

    /// <summary>
    /// Adds a rule at this scope. Rule verbs call this; extension packages may too. The rule's scope is set here.
    /// </summary>
    /// <param name="rule">The rule; its <see cref="PolicyRule.Scope"/> is replaced by this builder's scope.</param>
    /// <param name="mode">The rule's own mode, or null to take the scope's.</param>
    public TSelf AddRule(PolicyRule rule, RuleMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rules.Add((rule with { Scope = Scope }, mode));
        return (TSelf)this;
    }

    /// <summary>Adds <paramref name="rule"/> unless a rule with the same id is already declared here.</summary>
    internal void EnsureRule(PolicyRule rule)
    {
        if (!_rules.Any(r => r.Rule.Id == (rule with { Scope = Scope }).Id))
            AddRule(rule);
    }

    /// <summary>Builds the whole policy set this scope belongs to (see <see cref="PolicySetBuilder.Build"/>).</summary>
    public PolicySet Build() => Root.Build();

    /// <summary>Throws a <see cref="PolicyDefinitionException"/> for a bad argument of a verb at this scope.</summary>
    internal Exception Reject(string id, string verb, string problem, string fix) =>
        new PolicyDefinitionException([new PolicyDiagnostic(id, DiagnosticSeverity.Error, Root.Name,
            $"{verb} at {Scope.Path}", problem, fix)]);

    internal IEnumerable<PolicyRule> BuildRules(RuleMode inherited)
    {
        var mode = ScopeMode ?? inherited;
        // An allow only opens what an allowlist closes; it has no audit mode of its own.
        return _rules.Select(r => r.Rule with { Mode = r.Rule is AllowEgressRule ? RuleMode.Enforce : r.Mode ?? mode });
    }

    internal RuleMode EffectiveMode(RuleMode inherited) => ScopeMode ?? inherited;
}
