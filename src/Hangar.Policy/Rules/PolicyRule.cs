using Hangar.Policy.Model;

namespace Hangar.Policy.Rules;

/// <summary>
/// One intent of a policy, declared at a scope and inherited by everything below it.
/// </summary>
/// <remarks>
/// Rules are immutable. <see cref="Id"/> is derived from the scope, <see cref="Intent"/> and
/// <see cref="CanonicalParameters"/>, so two rules that say the same thing at the same scope share an id.
/// </remarks>
public abstract record PolicyRule
{
    /// <summary>Where the rule is declared.</summary>
    public required PolicyScope Scope { get; init; }

    /// <summary>Enforce or audit.</summary>
    public RuleMode Mode { get; init; } = RuleMode.Enforce;

    /// <summary>The kebab-case name of what the rule does, e.g. <c>deny-loopback</c>.</summary>
    public abstract string Intent { get; }

    /// <summary>The rule's parameters in a canonical text form, or null when it has none.</summary>
    public virtual string? CanonicalParameters => null;

    /// <summary>The stable id of the rule.</summary>
    public RuleId Id => RuleId.For(Scope, Intent, CanonicalParameters);

    /// <summary>A one-line, human description of the rule for reports and object annotations.</summary>
    public abstract string Describe();
}
