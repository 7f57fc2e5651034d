using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// Kubernetes <c>networking.k8s.io/v1</c> NetworkPolicy egress semantics: a pod is isolated for egress when any
/// policy of its namespace selects it with Egress among its policy types; an isolated pod may send only what
/// the union of those policies' egress rules allows. There is no deny.
/// </summary>
/// <remarks>
/// Traffic to the pod itself (loopback, 0.0.0.0, ::) never reaches the network plugin, so it is not covered.
/// Policies apply after Service DNAT: a connection to a Service address is judged by the pod that receives it.
/// Whether an ipBlock matches pod addresses depends on the plugin (Calico yes, Cilium no); by default this
/// evaluator lets it match, the more permissive reading, so that a test never relies on the stricter plugin.
/// </remarks>
/// <param name="ipBlockMatchesPods">Whether ipBlock peers match pod addresses (default true).</param>
public sealed class NetworkPolicyEvaluator(bool ipBlockMatchesPods = true) : IObjectEvaluator
{
    private static readonly IpCidr[] SelfAddresses =
        [IpCidr.Parse("127.0.0.0/8"), IpCidr.Parse("0.0.0.0/8"), IpCidr.Parse("::1/128"), IpCidr.Parse("::/128")];

    /// <inheritdoc />
    public string Backend => "networkpolicy";

    /// <inheritdoc />
    public Verdict Evaluate(ConnectEvent connect, SourceProcess source, IReadOnlyList<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(objects);

        var wire = connect.WireAddress;
        if (SelfAddresses.Any(c => c.Contains(wire)))
            return Verdict(Outcome.NotCovered, [], $"{wire} is the pod itself; that traffic never reaches the network plugin");

        var selecting = objects
            .Where(o => o.Str("apiVersion") == "networking.k8s.io/v1" && o.Str("kind") == "NetworkPolicy")
            .Where(o => o.Obj("metadata").Str("namespace") == source.Namespace)
            .Where(o => LabelSelector.Matches(o.Obj("spec").Obj("podSelector") ?? [], source.PodLabels))
            .Where(IsEgressPolicy)
            .ToList();
        if (selecting.Count == 0)
            return Verdict(Outcome.NotCovered, [], $"no NetworkPolicy in namespace {source.Namespace} isolates the pod for egress");

        // After DNAT the packet carries the receiving pod's address.
        var destination = connect.Pod?.Address ?? wire;
        var allowing = new List<(JsonObject Policy, int Rule)>();
        foreach (var policy in selecting)
        {
            var rules = policy.Obj("spec").Arr("egress")?.ToList() ?? [];
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i] is JsonObject rule && RuleAllows(rule, connect, destination, source))
                    allowing.Add((policy, i));
            }
        }

        if (allowing.Count > 0)
        {
            var first = allowing[0];
            return Verdict(Outcome.Allowed, [.. allowing.Select(a => a.Policy).Distinct()],
                $"egress rule {first.Rule} of {Tree.Describe(first.Policy)} allows {destination}:{connect.Port}/{Name(connect.Protocol)}");
        }
        return Verdict(Outcome.Blocked, selecting,
            $"the pod is isolated for egress by {selecting.Count} polic{(selecting.Count == 1 ? "y" : "ies")} and no egress rule allows "
            + $"{destination}:{connect.Port}/{Name(connect.Protocol)}");
    }

    // policyTypes omitted: Ingress, plus Egress when the egress list is non-empty.
    private static bool IsEgressPolicy(JsonObject policy)
    {
        var spec = policy.Obj("spec");
        if (spec.Has("policyTypes"))
            return spec.Strings("policyTypes").Contains("Egress");
        return spec.Arr("egress") is { Count: > 0 };
    }

    private bool RuleAllows(JsonObject rule, ConnectEvent connect, IPAddress destination, SourceProcess source)
    {
        var ports = rule.Arr("ports");
        if (ports is { Count: > 0 } && !ports.OfType<JsonObject>().Any(p => PortMatches(p, connect)))
            return false;

        var peers = rule.Arr("to");
        return peers is not { Count: > 0 } || peers.OfType<JsonObject>().Any(p => PeerMatches(p, connect, destination, source));
    }

    private static bool PortMatches(JsonObject port, ConnectEvent connect)
    {
        if ((port.Str("protocol") ?? "TCP") != Name(connect.Protocol))
            return false;
        if (!port.Has("port"))
            return true;

        // A named port resolves only against a pod peer's container ports, which no event here carries.
        if (!port.IsNumber("port"))
            return false;
        var from = port.Int("port")!.Value;
        var to = port.Int("endPort") ?? from;
        return connect.Port >= from && connect.Port <= to;
    }

    private bool PeerMatches(JsonObject peer, ConnectEvent connect, IPAddress destination, SourceProcess source)
    {
        if (peer.Obj("ipBlock") is { } block)
        {
            if (connect.Pod is not null && !ipBlockMatchesPods)
                return false;
            var cidr = IpCidr.Parse(block.Str("cidr") ?? "");
            return cidr.Contains(destination) && !block.Strings("except").Any(e => IpCidr.Parse(e).Contains(destination));
        }

        if (connect.Pod is not { } pod)
            return false;
        var namespaceSelector = peer.Obj("namespaceSelector");
        var namespaceMatches = namespaceSelector is null
            ? pod.Namespace == source.Namespace
            : LabelSelector.Matches(namespaceSelector, pod.NamespaceLabels);
        return namespaceMatches && LabelSelector.Matches(peer.Obj("podSelector"), pod.Labels);
    }

    private Verdict Verdict(Outcome outcome, IReadOnlyCollection<JsonObject> objects, string reason) =>
        new(Backend, outcome, [.. objects.SelectMany(Tree.RuleIds).Distinct().Order(StringComparer.Ordinal)],
            [.. objects.Select(Tree.Describe).Distinct().Order(StringComparer.Ordinal)], reason);

    private static string Name(Protocol protocol) => protocol.ToString().ToUpperInvariant();
}
