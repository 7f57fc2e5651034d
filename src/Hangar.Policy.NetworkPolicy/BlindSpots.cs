using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// The parts of a rule's traffic that NetworkPolicy never judges by the address the rule names: loopback inside the
/// pod, which never leaves it, and Service addresses, which are translated to the addresses of the pods behind them
/// (DNAT) before NetworkPolicy matches. A rule reaching into either is enforced only in part.
/// </summary>
internal static class BlindSpots
{
    /// <summary>The reason's wording for the in-pod part.</summary>
    public const string Loopback = "loopback inside the pod is not seen by NetworkPolicy";

    /// <summary>
    /// One sentence per part of <paramref name="rule"/> that NetworkPolicy leaves unenforced; empty when it sees all
    /// of it. Call it only for rules that are emitted (enforced denies and allowlists).
    /// </summary>
    public static ImmutableArray<string> Of(ResolvedRule rule, ClusterFacts cluster)
    {
        var parts = ImmutableArray.CreateBuilder<string>();
        var inPod = rule.Rule is DefaultDenyEgressRule
            || rule.Destinations.Any(d => LoopbackDestinations.All.Any(l => l.Overlaps(d)));
        if (inPod)
            parts.Add($"{Loopback} (127.0.0.0/8, 0.0.0.0, ::1, ::), so connections the pod makes to itself stay open; "
                + "enforce that part with Tetragon");

        var services = ServiceRanges(rule, cluster);
        if (!services.IsEmpty)
        {
            parts.Add($"Service addresses ({string.Join(", ", services)}) are translated to the pods behind them before "
                + "NetworkPolicy matches (DNAT), so a connection to such a ClusterIP is judged by the pod it reaches and "
                + "passes wherever that pod is allowed; deny the pod ranges as well (DenyClusterInternal) or enforce that "
                + "part with Tetragon, which sees the ClusterIP");
        }
        return parts.ToImmutable();
    }

    // The denied Service ranges whose pods stay reachable. After DNAT a connection is judged by the pod it reaches,
    // so the Service part holds only where the same rule denies every pod range of that address family on every port
    // (a Service may also rewrite the port, so a port-limited deny never holds for it).
    private static ImmutableArray<IpCidr> ServiceRanges(ResolvedRule rule, ClusterFacts cluster)
    {
        if (rule.Rule is not EgressDenyRule || cluster.ServiceCidrs.IsDefaultOrEmpty)
            return [];

        var overlaps = rule.Destinations
            .SelectMany(d => cluster.ServiceCidrs.Where(s => s.Overlaps(d)).Select(s => s.Contains(d) ? d : s))
            .Distinct().Order();
        return [.. overlaps.Where(service => !DeniesEveryPod(rule, cluster.PodCidrs, service.IsIPv4))];
    }

    private static bool DeniesEveryPod(ResolvedRule rule, ImmutableArray<IpCidr> podCidrs, bool ipv4)
    {
        var pods = podCidrs.IsDefault ? [] : podCidrs.Where(p => p.IsIPv4 == ipv4).ToList();
        return rule.Ports.IsAny && pods.Count > 0 && pods.All(p => rule.Destinations.Any(d => d.Contains(p)));
    }
}
