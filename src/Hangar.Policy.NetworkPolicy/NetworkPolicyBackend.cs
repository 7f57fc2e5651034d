using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;
using NuGet.Versioning;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// Emits one networking.k8s.io/v1 NetworkPolicy per MCP server: the server's pods, policyTypes [Egress], cluster
/// DNS kept, and denies written as allows with <c>except</c> (NetworkPolicy has no deny). What it cannot enforce
/// (loopback, DNS names, tool scope for allows, audit mode) is reported in the coverage matrix and not emitted;
/// rules it sees only in part (in-pod loopback, Service addresses matched after DNAT) are reported partial.
/// </summary>
/// <example><code>new CompileOptions { Backends = [new NetworkPolicyBackend()], Cluster = facts }</code></example>
public sealed class NetworkPolicyBackend : IPolicyBackend
{
    /// <summary>The engine name used in options and hangar.yaml.</summary>
    public const string BackendName = "networkpolicy";

    /// <inheritdoc />
    public string Name => BackendName;

    /// <inheritdoc />
    public EngineFeatureTable Features => NetworkPolicyFeatures.Table;

    /// <inheritdoc />
    public BackendOutput Compile(BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new BackendOutput();
        var version = context.EngineVersion;
        var endPort = Features.Supports(NetworkPolicyFeatures.EndPort, version);
        var sctp = Features.Supports(NetworkPolicyFeatures.Sctp, version);
        var names = NetworkPolicyNames.Assign(context.Policy.Targets);
        var sharedNamespaces = context.Policy.Workspaces.GroupBy(w => w.Value, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var podsNeedPodCidrs = new List<string>();

        foreach (var target in context.Policy.Targets)
        {
            var name = names[target.Scope.Path];
            var intent = EgressIntentReader.Read(target, name, context.Cluster);
            output.Coverage.AddRange(intent.Coverage);
            if (!intent.Restricts)
                continue;

            var plan = EgressRulePlanner.Plan(intent, context.Cluster.PodCidrs, endPort, sctp);
            output.Coverage.AddRange(FallbackCoverage(intent, plan, version));
            var dnsPodsUnknown = false;
            var dnsRules = context.Cluster.Dns is { } dns
                ? ClusterDnsRules.Build(dns, context.Cluster.NodeLocalDns, intent, context.Cluster.PodCidrs, out dnsPodsUnknown)
                : [];
            if (plan.PodsNeedPodCidrs || dnsPodsUnknown)
                podsNeedPodCidrs.Add(target.Scope.Path);

            var body = NetworkPolicyWriter.Write(context, intent, name, plan, sharedNamespaces.Contains(target.Namespace), dnsRules);
            output.Objects.Add(new EmittedObject(
                Name, NetworkPolicyWriter.ApiVersion, NetworkPolicyWriter.Kind, target.Namespace, name, body));
        }

        output.Diagnostics.AddRange(Warnings(context, output.Objects.Count > 0, podsNeedPodCidrs));
        return output;
    }

    // Left-out port ranges make the output stricter than the policy: denies then cover more ports, allows fewer.
    private static IEnumerable<CoverageEntry> FallbackCoverage(EgressIntent intent, EgressPlan plan, NuGetVersion version)
    {
        if (plan.Dropped.IsEmpty)
            yield break;
        var left = string.Join(", ", plan.Dropped);
        var why = $"Kubernetes {version} cannot express {left} (endPort needs 1.25, SCTP needs 1.20)";
        // A partial deny stays partial; it says it is also stricter on ports, as the matrix keeps the weakest reasons.
        var partial = intent.Coverage.Where(e => e.Status == CoverageStatus.Partial).Select(e => e.RuleId).ToHashSet();
        foreach (var deny in intent.Denies.Where(d => !d.Ports.IsAny))
        {
            var status = partial.Contains(deny.Rule.Id) ? CoverageStatus.Partial : CoverageStatus.Widened;
            yield return new CoverageEntry(deny.Rule.Id, BackendName, status,
                $"{why}, so the denied ranges are blocked on those ports too");
        }
        var cut = intent.Allows.Where(a => !a.Ports.IsAny && a.Ports.Ranges.Any(r => plan.Dropped.Any(d => Overlap(r, d))));
        foreach (var allow in cut)
        {
            yield return new CoverageEntry(allow.Rule.Id, BackendName, CoverageStatus.Unsupported,
                $"{why}; that part of the allow is not emitted, so its traffic stays blocked (target 1.25 or later)");
        }
    }

    private static bool Overlap(PortRange a, PortRange b) => a.Protocol == b.Protocol && a.From <= b.To && b.From <= a.To;

    private static IEnumerable<PolicyDiagnostic> Warnings(BackendContext context, bool emitted, List<string> podsNeedPodCidrs)
    {
        var version = context.EngineVersion;
        var labelled = NetworkPolicyFeatures.Table.Supports(NetworkPolicyFeatures.NamespaceNameLabel, version);
        if (emitted && context.Cluster.Dns is { } dns && !labelled)
        {
            yield return context.Diagnostic(DiagnosticIds.EngineVersionTooOld, DiagnosticSeverity.Warning,
                $"engine '{BackendName}'",
                $"Kubernetes {version} does not label namespaces with {NetworkPolicyWriter.NamespaceNameLabel} (1.22 does), so the "
                + $"DNS rule selects namespace '{dns.Namespace}' only if you label it; without the label DNS is blocked",
                $"run 'kubectl label namespace {dns.Namespace} {NetworkPolicyWriter.NamespaceNameLabel}={dns.Namespace}', "
                + "or target 1.22 or later");
        }

        if (podsNeedPodCidrs.Count > 0)
        {
            yield return context.Diagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Warning,
                $"servers {string.Join(", ", podsNeedPodCidrs)}",
                "the cluster fact 'pod_cidrs' is not set, so the NetworkPolicy backend cannot tell whether a denied range "
                + "holds pod addresses and allows no pods by selector; on CNIs where ipBlock does not match pods (Cilium) "
                + "pod-to-pod traffic other than cluster DNS is then blocked, and where an explicit deny covers port 53 "
                + "the DNS pods are not kept either",
                "set cluster.pod_cidrs in hangar.yaml or ClusterFacts.PodCidrs");
        }

        if (emitted && context.Cluster.Dns is null)
        {
            yield return context.Diagnostic(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Warning,
                $"engine '{BackendName}'",
                "the cluster fact 'dns' is not set, so the NetworkPolicies carry no explicit DNS rule and DNS works only "
                + "where the other egress rules happen to allow the DNS pods",
                "set cluster.dns in hangar.yaml or ClusterFacts.Dns, e.g. DnsService.KubeDns(\"10.96.0.10\")");
        }
    }
}
