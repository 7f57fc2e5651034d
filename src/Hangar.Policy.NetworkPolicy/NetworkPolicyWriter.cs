using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Output;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>Writes one server's NetworkPolicy: pod selector, policyTypes [Egress], DNS rule, then the planned rules.</summary>
internal static class NetworkPolicyWriter
{
    /// <summary>The apiVersion written.</summary>
    public const string ApiVersion = "networking.k8s.io/v1";

    /// <summary>The kind written.</summary>
    public const string Kind = "NetworkPolicy";

    /// <summary>The namespace label Kubernetes sets to each namespace's own name (from 1.22).</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>The whole object.</summary>
    /// <param name="context">The compilation.</param>
    /// <param name="intent">The server's enforceable rules.</param>
    /// <param name="name">The object name.</param>
    /// <param name="plan">The planned egress rules.</param>
    /// <param name="sharedNamespace">True when another workspace maps to the same namespace.</param>
    /// <param name="dnsRules">The cluster DNS rules, written first.</param>
    public static ObjectNode Write(BackendContext context, EgressIntent intent, string name, EgressPlan plan, bool sharedNamespace,
        IReadOnlyList<ObjectNode> dnsRules)
    {
        var target = intent.Target;
        var egress = new List<ObjectNode>(dnsRules);
        foreach (var rule in plan.Rules)
            egress.Add(Rule(rule, target, sharedNamespace));

        var labels = new Dictionary<string, string>
        {
            [HangarLabels.Workspace] = target.Workspace,
            [HangarLabels.Server] = target.Server,
        };
        return new ObjectNode
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = Kind,
            ["metadata"] = ObjectMetadata.Create(context, name, target.Namespace, intent.Emitted, labels),
            ["spec"] = new ObjectNode
            {
                ["podSelector"] = MatchLabels(target.PodLabels),
                ["policyTypes"] = new List<string> { "Egress" },
                ["egress"] = egress,
            },
        };
    }

    private static ObjectNode Rule(PlannedEgressRule rule, ServerTarget target, bool sharedNamespace)
    {
        var to = new List<ObjectNode>();
        foreach (var block in rule.To.Blocks)
        {
            var ipBlock = new ObjectNode { ["cidr"] = block.Cidr.ToString() };
            if (!block.Except.IsEmpty)
                ipBlock["except"] = block.Except.Select(e => e.ToString()).ToList();
            to.Add(new ObjectNode { ["ipBlock"] = ipBlock });
        }

        switch (rule.To.Pods)
        {
            case PodPeer.AllPods:
                to.Add(new ObjectNode { ["namespaceSelector"] = new ObjectNode() });
                break;
            case PodPeer.OwnWorkspace:
                // A lone podSelector means the policy's own namespace; a namespace shared by workspaces needs the label too.
                to.Add(new ObjectNode
                {
                    ["podSelector"] = sharedNamespace
                        ? MatchLabels([new(HangarLabels.Workspace, target.Workspace)])
                        : new ObjectNode(),
                });
                break;
        }

        var node = new ObjectNode { ["to"] = to };
        if (!rule.Ports.IsEmpty)
            node["ports"] = rule.Ports.Select(Port).ToList();
        return node;
    }

    /// <summary>One entry of <c>ports</c>.</summary>
    public static ObjectNode Port(PolicyPort port)
    {
        var node = new ObjectNode { ["protocol"] = port.Protocol.ToString().ToUpperInvariant(), ["port"] = port.Port };
        if (port.EndPort is { } end)
            node["endPort"] = end;
        return node;
    }

    /// <summary>A label selector with <c>matchLabels</c>, or <c>{}</c> (everything) for no labels.</summary>
    public static ObjectNode MatchLabels(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var matchLabels = new ObjectNode();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            matchLabels[key] = value;
        return matchLabels.Count == 0 ? new ObjectNode() : new ObjectNode { ["matchLabels"] = matchLabels };
    }
}
