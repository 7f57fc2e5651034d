using System.Collections.Immutable;
using Hangar.Policy.Model;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>The egress rules of one server's NetworkPolicy (cluster DNS aside), and what had to be left out.</summary>
/// <param name="Rules">The rules, all-ports rule first, then by port.</param>
/// <param name="Dropped">Port ranges the target version cannot express; their traffic stays blocked.</param>
/// <param name="PodsNeedPodCidrs">
/// True when pods could not be allowed by selector because the pod ranges are unknown, so a deny might cover them.
/// </param>
internal sealed record EgressPlan(
    ImmutableArray<PlannedEgressRule> Rules,
    ImmutableArray<PortRange> Dropped,
    bool PodsNeedPodCidrs);
