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

        var restricted = targets.SelectMany(t => t.AllRules).FirstOrDefault(r => r.Rule is DefaultDenyEgressRule or DenyClusterInternalRule or DenyLateralRule);
        if (restricted is not null && facts.Dns is null)
        {
            diagnostics.Add(new PolicyDiagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Error, set.Name, $"rule '{restricted.Id}'",
                "the rule blocks cluster traffic, so cluster DNS must be kept reachable, but the cluster fact 'dns' is not set",
                "set cluster.dns in hangar.yaml (namespace, pod_labels, service_ip) or ClusterFacts.Dns, e.g. DnsService.KubeDns(\"10.96.0.10\")"));
        }

        var workspaces = set.Workspaces.ToImmutableSortedDictionary(w => w.Name, w => w.Namespace, StringComparer.Ordinal);
        return new ResolvedPolicySet(set.Name, [.. targets], workspaces);
    }

    /// <summary>The concrete ranges of <paramref name="rule"/> under <paramref name="facts"/>.</summary>
    public static IEnumerable<IpCidr> Destinations(PolicyRule rule, ClusterFacts facts, string policy, ICollection<PolicyDiagnostic>? diagnostics)
    {
        IEnumerable<IpCidr> Need(ImmutableArray<IpCidr> fact, string name, string yamlKey)
        {
            if (fact.IsDefaultOrEmpty)
            {
                diagnostics?.Add(new PolicyDiagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Error, policy, $"rule '{rule.Id}'",
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
                .Concat(facts.KubernetesApi),
            DenyLateralRule => Need(facts.PodCidrs, nameof(ClusterFacts.PodCidrs), "pod_cidrs"),
            DenyCorporateNetworkRule => Need(facts.CorporateRanges, nameof(ClusterFacts.CorporateRanges), "corporate_ranges"),
            AllowEgressRule allow => allow.Destination.Cidrs,
            _ => [],
        };
    }
}
