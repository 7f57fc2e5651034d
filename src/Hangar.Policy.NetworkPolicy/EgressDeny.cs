using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>An enforced deny as the planner sees it: ranges and ports taken out of what is allowed.</summary>
/// <param name="Rule">The rule it comes from.</param>
/// <param name="Cidrs">The denied ranges.</param>
/// <param name="Ports">The denied ports; <see cref="PortSet.Any"/> for all traffic.</param>
internal sealed record EgressDeny(ResolvedRule Rule, ImmutableArray<IpCidr> Cidrs, PortSet Ports)
{
    /// <summary>True for a lateral deny: pods of the server's own workspace stay reachable.</summary>
    public bool IsLateral => Rule.Rule is DenyLateralRule;
}
