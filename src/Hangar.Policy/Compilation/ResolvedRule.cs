using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Compilation;

/// <summary>A rule with its destinations made concrete from the cluster facts.</summary>
/// <param name="Rule">The rule as declared.</param>
/// <param name="Destinations">
/// The address ranges the rule is about, sorted (IPv4 first): for a deny, what it denies; for an allow of
/// ranges, what it allows; empty for a hostname allow and for rules without destinations.
/// </param>
public sealed record ResolvedRule(PolicyRule Rule, ImmutableArray<IpCidr> Destinations)
{
    /// <summary>The rule's id.</summary>
    public RuleId Id => Rule.Id;

    /// <summary>The rule's mode.</summary>
    public RuleMode Mode => Rule.Mode;

    /// <summary>The ports the rule covers.</summary>
    public PortSet Ports => Rule switch
    {
        EgressDenyRule deny => deny.Ports,
        AllowEgressRule allow => allow.Ports,
        _ => PortSet.Any,
    };
}
