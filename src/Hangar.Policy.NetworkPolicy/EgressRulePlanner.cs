using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// Turns a server's denies and allows into allow-only egress rules that match the policy exactly on TCP, UDP
/// and SCTP, or are stricter where NetworkPolicy cannot say it.
/// </summary>
/// <remarks>
/// The port space is cut into pieces at every port a rule names. For each piece the allowed destinations are
/// "everything" (or the allows active on it, in allowlist mode) minus the denies active on it. One rule without
/// ports carries what is allowed on every piece (all denies subtracted); pieces that allow more get a rule of
/// their own with exactly their ports, so a deny of 10.0.0.0/8 on TCP 22 leaves the rest of 10.0.0.0/8 open on
/// every other port. Traffic that is neither TCP, UDP nor SCTP gets only the all-ports rule, which is stricter.
/// </remarks>
internal static class EgressRulePlanner
{
    /// <summary>The longest range written out port by port when the target has no <c>endPort</c>.</summary>
    public const int MaxEnumeratedPorts = 16;

    /// <summary>Plans the rules of <paramref name="intent"/>.</summary>
    /// <param name="intent">The server's enforceable rules.</param>
    /// <param name="podCidrs">The cluster's pod ranges; empty when unknown.</param>
    /// <param name="endPort">True when the target accepts <c>endPort</c>.</param>
    /// <param name="sctp">True when the target accepts SCTP ports.</param>
    public static EgressPlan Plan(EgressIntent intent, ImmutableArray<IpCidr> podCidrs, bool endPort, bool sctp)
    {
        var podsNeedPodCidrs = false;
        EgressAllowance Allowance(IReadOnlyCollection<EgressDeny> denies, IEnumerable<EgressAllow> allows)
        {
            var allowed = intent.Allowlist ? allows.SelectMany(a => a.Cidrs) : IpBlockSet.Everything;
            var blocks = IpBlockSet.Subtract(allowed, denies.SelectMany(d => d.Cidrs));
            var pods = intent.Allowlist ? PodPeer.None : Pods(denies, podCidrs, ref podsNeedPodCidrs);
            return new EgressAllowance(blocks, pods);
        }

        var rules = ImmutableArray.CreateBuilder<PlannedEgressRule>();
        var baseline = Allowance(intent.Denies, intent.Allows.Where(a => a.Ports.IsAny));
        if (!baseline.IsEmpty)
            rules.Add(new PlannedEgressRule(baseline, []));

        var pieces = PortSegments.Split(intent.Denies.Select(d => d.Ports).Concat(intent.Allows.Select(a => a.Ports)));
        var classes = new Dictionary<string, (EgressAllowance Allowance, List<PortRange> Pieces)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var piece in pieces)
        {
            var allowance = Allowance(
                [.. intent.Denies.Where(d => PortSegments.Covers(d.Ports, piece))],
                intent.Allows.Where(a => PortSegments.Covers(a.Ports, piece)));
            if (allowance.IsEmpty || allowance.Key == baseline.Key)
                continue;
            if (!classes.TryGetValue(allowance.Key, out var found))
            {
                found = (allowance, []);
                classes[allowance.Key] = found;
                order.Add(allowance.Key);
            }
            found.Pieces.Add(piece);
        }

        var dropped = ImmutableArray.CreateBuilder<PortRange>();
        foreach (var key in order)
        {
            var (allowance, classPieces) = classes[key];
            var ports = ImmutableArray.CreateBuilder<PolicyPort>();
            foreach (var range in PortSegments.Merge(classPieces))
            {
                if (range.Protocol == Protocol.Sctp && !sctp)
                    dropped.Add(range);
                else if (range.IsSinglePort)
                    ports.Add(new PolicyPort(range.Protocol, range.From));
                else if (endPort)
                    ports.Add(new PolicyPort(range.Protocol, range.From, range.To));
                else if (range.To - range.From < MaxEnumeratedPorts)
                {
                    ports.AddRange(Enumerable.Range(range.From, range.To - range.From + 1)
                        .Select(p => new PolicyPort(range.Protocol, p)));
                }
                else
                    dropped.Add(range);
            }

            // A rule whose every port was left out must vanish: without ports it would allow all traffic.
            if (ports.Count > 0)
                rules.Add(new PlannedEgressRule(allowance, ports.ToImmutable()));
        }

        return new EgressPlan(rules.ToImmutable(), dropped.ToImmutable(), podsNeedPodCidrs);
    }

    // Selectors cannot except addresses, so pods are allowed by selector only where no active deny may cover them.
    private static PodPeer Pods(IReadOnlyCollection<EgressDeny> denies, ImmutableArray<IpCidr> podCidrs, ref bool podsNeedPodCidrs)
    {
        if (denies.Count == 0)
            return PodPeer.AllPods;
        if (podCidrs.IsDefaultOrEmpty)
        {
            podsNeedPodCidrs = true;
            return PodPeer.None;
        }

        var covering = denies.Where(d => d.Cidrs.Any(c => podCidrs.Any(p => p.Overlaps(c)))).ToList();
        if (covering.Count == 0)
            return PodPeer.AllPods;
        return covering.All(d => d.IsLateral) ? PodPeer.OwnWorkspace : PodPeer.None;
    }
}
