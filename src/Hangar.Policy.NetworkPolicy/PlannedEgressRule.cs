using System.Collections.Immutable;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>One egress rule to emit.</summary>
/// <param name="To">The peers; never empty.</param>
/// <param name="Ports">The ports, or empty for all traffic (no <c>ports</c> key).</param>
internal sealed record PlannedEgressRule(EgressAllowance To, ImmutableArray<PolicyPort> Ports);
