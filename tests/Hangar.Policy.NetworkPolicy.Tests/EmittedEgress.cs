using System.Net;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Output;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>
/// Reads an emitted NetworkPolicy spec the way the Kubernetes API defines it, to answer whether a connection
/// would be allowed: egress rules are OR'd, an omitted <c>to</c> or <c>ports</c> means any.
/// </summary>
internal sealed class EmittedEgress(ObjectNode spec, string policyNamespace)
{
    private IEnumerable<ObjectNode> Rules => spec["egress"] as IEnumerable<ObjectNode> ?? [];

    /// <summary>A connection to an address that is not a pod (ipBlock peers only).</summary>
    public bool AllowsAddress(IPAddress address, Protocol protocol, int port) =>
        Rules.Any(r => PortsMatch(r, protocol, port) && (!r.ContainsKey("to") || Peers(r).Any(p => BlockMatches(p, address))));

    /// <summary>A connection to a pod; <paramref name="ipBlockMatchesPods"/> chooses the CNI behaviour.</summary>
    public bool AllowsPod(string podNamespace, IReadOnlyDictionary<string, string> labels, IPAddress address, Protocol protocol, int port,
        bool ipBlockMatchesPods) =>
        Rules.Any(r => PortsMatch(r, protocol, port) && (!r.ContainsKey("to") || Peers(r).Any(p =>
            (ipBlockMatchesPods && BlockMatches(p, address)) || SelectorMatches(p, podNamespace, labels))));

    private static IEnumerable<ObjectNode> Peers(ObjectNode rule) => rule["to"] as IEnumerable<ObjectNode> ?? [];

    private static bool PortsMatch(ObjectNode rule, Protocol protocol, int port)
    {
        if (!rule.ContainsKey("ports"))
            return true;
        return ((IEnumerable<ObjectNode>)rule["ports"]!).Any(p =>
            (string?)p["protocol"] == protocol.ToString().ToUpperInvariant()
            && (p["endPort"] is int end ? port >= (int)p["port"]! && port <= end : port == (int)p["port"]!));
    }

    private static bool BlockMatches(ObjectNode peer, IPAddress address)
    {
        if (peer.Node("ipBlock") is not { } block)
            return false;
        var excepts = block["except"] as IEnumerable<string> ?? [];
        return Parse((string)block["cidr"]!).Contains(address) && !excepts.Any(e => Parse(e).Contains(address));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IpCidr> Parsed = new(StringComparer.Ordinal);

    private static IpCidr Parse(string text) => Parsed.GetOrAdd(text, IpCidr.Parse);

    private bool SelectorMatches(ObjectNode peer, string podNamespace, IReadOnlyDictionary<string, string> labels)
    {
        var namespaceSelector = peer.Node("namespaceSelector");
        var podSelector = peer.Node("podSelector");
        if (namespaceSelector is null && podSelector is null)
            return false;
        var namespaceOk = namespaceSelector is null
            ? podNamespace == policyNamespace
            : LabelsMatch(namespaceSelector, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = podNamespace });
        return namespaceOk && (podSelector is null || LabelsMatch(podSelector, labels));
    }

    private static bool LabelsMatch(ObjectNode selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Node("matchLabels") is not { } match
        || match.All(kv => labels.TryGetValue(kv.Key, out var v) && v == (string?)kv.Value);
}
