using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// Sorts one server's rules into what NetworkPolicy can enforce and states, for each rule, how it is covered.
/// </summary>
internal static class EgressIntentReader
{
    /// <summary>
    /// Reads <paramref name="target"/>; <paramref name="objectName"/> names the object in coverage reasons, and
    /// <paramref name="cluster"/> tells which denied ranges hold Service addresses.
    /// </summary>
    public static EgressIntent Read(ServerTarget target, string objectName, ClusterFacts cluster)
    {
        var where = $"NetworkPolicy {target.Namespace}/{objectName}";
        var coverage = ImmutableArray.CreateBuilder<CoverageEntry>();
        var denies = ImmutableArray.CreateBuilder<EgressDeny>();
        var allows = new List<(ResolvedRule Rule, bool FromTool)>();
        var emitted = ImmutableArray.CreateBuilder<ResolvedRule>();
        // Known before the loop, because a deny's reason depends on it whatever order the rules come in.
        var allowlist = target.AllRules.Any(r => r.Mode == RuleMode.Enforce && r.Rule is DefaultDenyEgressRule);
        // Selectors cannot except addresses, so where another deny covers some pod addresses the planner selects no
        // pod, and DenyLateral then blocks the own workspace's pods too wherever ipBlock does not match pods; that is
        // stricter than the policy unless the other denies block every pod address on every port anyway.
        var otherDenies = target.AllRules.Where(r => r.Mode == RuleMode.Enforce
            && r.Rule is EgressDenyRule and not DenyLateralRule && !r.Destinations.All(IsLoopback)).ToList();
        var podsDeniedElsewhere = otherDenies.Any(r => r.Destinations.Any(d => cluster.PodCidrs.Any(p => p.Overlaps(d))))
            && !cluster.PodCidrs.All(p => otherDenies.Any(r => r.Ports.IsAny && r.Destinations.Any(d => d.Contains(p))));
        void Report(ResolvedRule rule, CoverageStatus status, string reason) =>
            coverage.Add(new CoverageEntry(rule.Id, NetworkPolicyBackend.BackendName, status, reason));

        // An emitted rule is partial where NetworkPolicy cannot see part of its traffic, widened (stricter) or not.
        void ReportEmitted(ResolvedRule rule, bool stricter, string how)
        {
            var unseen = BlindSpots.Of(rule, cluster);
            var status = !unseen.IsEmpty ? CoverageStatus.Partial
                : stricter ? CoverageStatus.Widened
                : CoverageStatus.Enforced;
            Report(rule, status, unseen.IsEmpty ? how : $"{how}; not covered: {string.Join("; ", unseen)}");
        }

        var rules = target.Rules.Select(r => (Rule: r, FromTool: false))
            .Concat(target.Tools.SelectMany(t => t.Rules.Select(r => (Rule: r, FromTool: true))));
        foreach (var (rule, fromTool) in rules)
        {
            var widened = $"enforced for the whole server '{target.Scope.Path}' by {where}: NetworkPolicy selects pods, "
                + "not the processes of one tool";
            if (rule.Rule is ProcessRule)
            {
                Report(rule, CoverageStatus.Unsupported, "NetworkPolicy sees only the network traffic of pods, never processes, "
                    + "files, capabilities or socket types");
                continue;
            }

            if (rule.Mode == RuleMode.Audit)
            {
                Report(rule, CoverageStatus.Unsupported, "NetworkPolicy cannot audit (it only allows or drops), so this "
                    + "audit-mode rule is not emitted; observe it with Tetragon or Falco");
                continue;
            }

            switch (rule.Rule)
            {
                case DenyLoopbackRule:
                    Report(rule, CoverageStatus.Unsupported, Loopback);
                    break;
                case DefaultDenyEgressRule:
                    emitted.Add(rule);
                    ReportEmitted(rule, fromTool, fromTool
                        ? $"allowlist mode {widened}"
                        : "policyTypes [Egress] with only the allows and cluster DNS as egress rules, so all else that "
                        + "leaves the pod is dropped");
                    break;
                case AllowEgressRule allow:
                    allows.Add((rule, fromTool));
                    break;
                case EgressDenyRule when !rule.Destinations.IsEmpty && rule.Destinations.All(IsLoopback):
                    Report(rule, CoverageStatus.Unsupported, Loopback);
                    break;
                case EgressDenyRule deny:
                    denies.Add(new EgressDeny(rule, rule.Destinations, deny.Ports));
                    emitted.Add(rule);
                    var ownPodsBlocked = rule.Rule is DenyLateralRule && !allowlist && podsDeniedElsewhere;
                    ReportEmitted(rule, fromTool || ownPodsBlocked,
                        fromTool ? widened : DenyReason(rule, allowlist, ownPodsBlocked));
                    break;
                default:
                    Report(rule, CoverageStatus.Unsupported, "the NetworkPolicy backend does not handle this kind of rule");
                    break;
            }
        }

        var ranges = ImmutableArray.CreateBuilder<EgressAllow>();
        foreach (var (rule, fromTool) in allows)
        {
            var allow = (AllowEgressRule)rule.Rule;
            var blockedOrFree = allowlist
                ? "it is not emitted, so that traffic stays blocked under the allowlist"
                : "it is not emitted; the destination is reachable only because this server's egress is not in allowlist mode";
            if (fromTool)
            {
                Report(rule, CoverageStatus.Unsupported, "NetworkPolicy selects pods, not the processes of one tool, and "
                    + $"allowing this for the whole server '{target.Scope.Path}' would be more permissive than the policy; "
                    + blockedOrFree);
            }
            else if (allow.Destination.IsHostname)
            {
                Report(rule, CoverageStatus.Unsupported,
                    $"NetworkPolicy matches addresses, never DNS names, so '{allow.Destination.Hostname}' cannot be allowed; "
                    + blockedOrFree);
            }
            else if (allowlist)
            {
                ranges.Add(new EgressAllow(rule, rule.Destinations, allow.Ports));
                emitted.Add(rule);
                Report(rule, CoverageStatus.Enforced, "allowed by ipBlock egress rules, minus the denied sub-ranges "
                    + "(ipBlock matching pod addresses depends on the CNI)");
            }
            else
            {
                Report(rule, CoverageStatus.Enforced,
                    "the server is not in allowlist mode, so the destination stays reachable (a deny still wins)");
            }
        }

        return new EgressIntent(target, allowlist, denies.ToImmutable(), ranges.ToImmutable(), emitted.ToImmutable(),
            coverage.ToImmutable());
    }

    private const string Loopback = "NetworkPolicy never sees traffic that stays inside the pod (127.0.0.0/8, 0.0.0.0, ::1, ::), "
        + "so loopback cannot be denied; enforce it with Tetragon";

    private static bool IsLoopback(IpCidr cidr) => LoopbackDestinations.All.Any(l => l.Contains(cidr));

    private static string DenyReason(ResolvedRule rule, bool allowlist, bool ownPodsBlocked)
    {
        var how = rule.Rule switch
        {
            DenyLateralRule when ownPodsBlocked => "pod ranges excepted from every ipBlock; stricter than declared: another "
                + "deny covers pod addresses, so no pod is selected by podSelector, and the own workspace's pods are "
                + "blocked too where ipBlock does not match pod addresses (Cilium), reachable where it does (Calico)",
            DenyLateralRule when allowlist => "pod ranges excepted from every allowed ipBlock; under the allowlist no pod is "
                + "selected, so the own workspace's pods are reachable only where an allow covers them",
            DenyLateralRule => "pod ranges excepted from every ipBlock and the own workspace's pods selected by podSelector "
                + "unless another deny covers pod addresses (ipBlock matching pod addresses depends on the CNI; either way "
                + "other workspaces' pods are not allowed)",
            DenyClusterInternalRule => "pod and service ranges and API endpoints excepted from every ipBlock and no pod selected, "
                + "cluster DNS kept (service addresses are matched after DNAT, as the pods behind them)",
            _ => "ranges excepted from the egress ipBlock allows",
        };
        return $"{how}; NetworkPolicy has no deny, so another NetworkPolicy allowing these destinations "
            + "for the same pods overrides it";
    }
}
