using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Compilation;

/// <summary>Turns a <see cref="PolicySet"/> into server targets and makes every rule's destinations concrete.</summary>
public static class PolicyResolver
{
    /// <summary>Resolves <paramref name="set"/>; problems (missing cluster facts) are added to <paramref name="diagnostics"/>.</summary>
    public static ResolvedPolicySet Resolve(PolicySet set, ClusterFacts facts, ICollection<PolicyDiagnostic> diagnostics)
    {
        var cache = new Dictionary<RuleId, ResolvedRule>();
        ResolvedRule Resolve(PolicyRule rule)
        {
            if (!cache.TryGetValue(rule.Id, out var resolved))
            {
                resolved = new ResolvedRule(rule, [.. Destinations(rule, facts, set.Name, diagnostics).Distinct().Order()]);
                cache[rule.Id] = resolved;
            }
            return resolved;
        }

        var targets = new List<ServerTarget>();
        foreach (var workspace in set.Workspaces.OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            foreach (var server in workspace.Servers.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var tools = server.Tools
                    .OrderBy(t => t.Name, StringComparer.Ordinal)
                    .Select(t => new ToolTarget(new PolicyScope(workspace.Name, server.Name, t.Name), t.Binaries,
                        [.. t.Rules.Select(Resolve)], server.Manifest?.Find(t.Name)?.Annotations))
                    .ToImmutableArray();
                targets.Add(new ServerTarget(new PolicyScope(workspace.Name, server.Name), workspace.Namespace, server.PodLabels,
                    [.. workspace.Rules.Concat(server.Rules).Select(Resolve)], tools));
            }
        }

        var restricted = targets.SelectMany(t => t.AllRules)
            .FirstOrDefault(r => r.Rule is DefaultDenyEgressRule or DenyClusterInternalRule or DenyLateralRule);
        if (restricted is not null && facts.Dns is null)
        {
            diagnostics.Add(new PolicyDiagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Error, set.Name,
                $"rule '{restricted.Id}'",
                "the rule blocks cluster traffic, so cluster DNS must be kept reachable, but the cluster fact 'dns' is not set",
                "set cluster.dns in hangar.yaml (namespace, pod_labels, service_ip) or ClusterFacts.Dns, e.g. "
                    + "DnsService.KubeDns(\"10.96.0.10\")"));
        }

        CheckFacts(set.Name, facts, diagnostics);
        var workspaces = set.Workspaces.ToImmutableSortedDictionary(w => w.Name, w => w.Namespace, StringComparer.Ordinal);
        return new ResolvedPolicySet(set.Name, [.. targets], workspaces);
    }

    // The API's ClusterIP lies in the service range, but engines that match after DNAT see its endpoints, which
    // usually lie outside every cluster range: without them the API stays reachable there, so say so.
    private static ImmutableArray<IpCidr> ApiEndpoints(PolicyRule rule, ClusterFacts facts, string policy,
        ICollection<PolicyDiagnostic>? diagnostics)
    {
        if (facts.KubernetesApi.IsDefaultOrEmpty)
            diagnostics?.Add(new PolicyDiagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Warning, policy, $"rule '{rule.Id}'",
                "the cluster fact 'KubernetesApi' is not set, so the API server's endpoints (e.g. a node address on 6443) are not denied "
                + "where an engine matches after the service address is rewritten (NetworkPolicy)",
                "set cluster.kubernetes_api in hangar.yaml (the kubernetes.default ClusterIP and the EndpointSlice addresses)"));
        return facts.KubernetesApi.IsDefault ? [] : facts.KubernetesApi;
    }

    // Facts that open holes in denies (DNS carve-outs) must be as narrow as what they name.
    private static void CheckFacts(string policy, ClusterFacts facts, ICollection<PolicyDiagnostic> diagnostics)
    {
        void Bad(string fact, string problem, string fix) =>
            diagnostics.Add(new PolicyDiagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Error, policy,
                $"cluster fact '{fact}'", problem, fix));

        if (facts.NodeLocalDns is { IsSingleAddress: false } local)
            Bad("node_local_dns",
                $"'{local}' is a range, but DNS is kept reachable at exactly this address, so a range would open port "
                + "53 to all of it",
                "give the single address of the node-local DNS cache, e.g. 169.254.20.10");
        if (facts.Dns?.ServiceAddress is { IsSingleAddress: false } service)
            Bad("dns.service_ip", $"'{service}' is a range, but DNS is kept reachable at exactly this address",
                "give the ClusterIP of the DNS service, e.g. 10.96.0.10");
        if (facts.Dns is { } dns)
        {
            if (!KubernetesNames.IsDnsLabel(dns.Namespace))
                Bad("dns.namespace", $"'{dns.Namespace}' is not a valid namespace name",
                    "give the namespace of the DNS pods, e.g. kube-system");
            if (dns.PodLabels.Count == 0)
                Bad("dns.pod_labels", "no labels were given, so every pod would count as a DNS pod",
                    "give the DNS pods' labels, e.g. k8s-app: kube-dns");
            foreach (var (key, value) in dns.PodLabels.Where(l => !KubernetesNames.IsLabelKey(l.Key)
                || !KubernetesNames.IsLabelValue(l.Value)))
                Bad("dns.pod_labels", $"'{key}: {value}' is not a valid label",
                    "use label keys and values as Kubernetes accepts them, e.g. k8s-app: kube-dns");
        }
    }

    /// <summary>The concrete ranges of <paramref name="rule"/> under <paramref name="facts"/>.</summary>
    public static IEnumerable<IpCidr> Destinations(PolicyRule rule, ClusterFacts facts, string policy,
        ICollection<PolicyDiagnostic>? diagnostics)
    {
        IEnumerable<IpCidr> Need(ImmutableArray<IpCidr> fact, string name, string yamlKey)
        {
            if (fact.IsDefaultOrEmpty)
            {
                diagnostics?.Add(new PolicyDiagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Error,
                    policy, $"rule '{rule.Id}'",
                    $"the rule needs the cluster fact '{name}', which is not set",
                    $"set cluster.{yamlKey} in hangar.yaml or ClusterFacts.{name} in CompileOptions"));
                return [];
            }
            return fact;
        }

        return rule switch
        {
            DenyLoopbackRule => LoopbackDestinations.All,
            DenyCloudMetadataRule metadata => metadata.Destinations,
            DenyCidrRule cidr => cidr.Cidrs,
            DenyClusterInternalRule => Need(facts.PodCidrs, nameof(ClusterFacts.PodCidrs), "pod_cidrs")
                .Concat(Need(facts.ServiceCidrs, nameof(ClusterFacts.ServiceCidrs), "service_cidrs"))
                .Concat(ApiEndpoints(rule, facts, policy, diagnostics)),
            DenyLateralRule => Need(facts.PodCidrs, nameof(ClusterFacts.PodCidrs), "pod_cidrs"),
            DenyCorporateNetworkRule => Need(facts.CorporateRanges, nameof(ClusterFacts.CorporateRanges), "corporate_ranges"),
            AllowEgressRule allow => allow.Destination.Cidrs,
            _ => [],
        };
    }
}
