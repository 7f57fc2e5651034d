using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>An enforced allow of address ranges, as the planner sees it.</summary>
/// <param name="Rule">The rule it comes from.</param>
/// <param name="Cidrs">The allowed ranges.</param>
/// <param name="Ports">The allowed ports; <see cref="PortSet.Any"/> for all traffic.</param>
internal sealed record EgressAllow(ResolvedRule Rule, ImmutableArray<IpCidr> Cidrs, PortSet Ports);
