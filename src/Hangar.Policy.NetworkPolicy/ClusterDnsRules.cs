using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Output;
using Hangar.Policy.Rules;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// The egress rules that keep cluster DNS reachable: UDP and TCP 53 to the DNS pods (by namespace name and pod
/// labels) and to the node-local cache when there is one.
/// </summary>
/// <remarks>
/// DNS is kept whatever the allowlist and the cluster-internal or lateral denies say, but an explicit deny
/// (DenyCidr, DenyCorporateNetwork) of port 53 still wins, as a deny always does: the DNS pods are then left out
/// when the deny may cover their addresses (any pod range, or unknown pod ranges), the node-local cache when the
/// deny covers its address.
/// </remarks>
internal static class ClusterDnsRules
{
    /// <summary>The rules for <paramref name="intent"/>; <paramref name="podsUnknown"/> is set when missing pod ranges cost DNS.</summary>
    public static IReadOnlyList<ObjectNode> Build(DnsService dns, IpCidr? nodeLocal, EgressIntent intent,
        ImmutableArray<IpCidr> podCidrs, out bool podsUnknown)
    {
        var unknown = false;
        var kept = new List<(Protocol Protocol, bool Pods, IpCidr? Local)>();
        foreach (var protocol in new[] { Protocol.Udp, Protocol.Tcp })
        {
            var denies = intent.Denies
                .Where(d => d.Rule.Rule is DenyCidrRule or DenyCorporateNetworkRule && d.Ports.Contains(protocol, 53)).ToList();
            if (podCidrs.IsDefaultOrEmpty && denies.Count > 0)
                unknown = true;
            var pods = !denies.Any(d => podCidrs.IsDefaultOrEmpty || d.Cidrs.Any(c => podCidrs.Any(p => p.Overlaps(c))));
            var local = nodeLocal is { } address && !denies.Any(d => d.Cidrs.Any(c => c.Overlaps(address))) ? nodeLocal : null;
            kept.Add((protocol, pods, local));
        }
        podsUnknown = unknown;

        var rules = new List<ObjectNode>();
        foreach (var group in kept.Where(k => k.Pods || k.Local is not null).GroupBy(k => (k.Pods, k.Local)))
        {
            var to = new List<ObjectNode>();
            if (group.Key.Pods)
            {
                to.Add(new ObjectNode
                {
                    ["namespaceSelector"] = NetworkPolicyWriter.MatchLabels([new(NetworkPolicyWriter.NamespaceNameLabel, dns.Namespace)]),
                    ["podSelector"] = NetworkPolicyWriter.MatchLabels(dns.PodLabels),
                });
            }
            if (group.Key.Local is { } local)
                to.Add(new ObjectNode { ["ipBlock"] = new ObjectNode { ["cidr"] = local.ToString() } });
            rules.Add(new ObjectNode
            {
                ["to"] = to,
                ["ports"] = group.Select(k => NetworkPolicyWriter.Port(new PolicyPort(k.Protocol, 53))).ToList(),
            });
        }
        return rules;
    }
}
