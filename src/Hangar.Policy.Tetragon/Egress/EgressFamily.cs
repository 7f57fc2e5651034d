using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Tetragon.Spec;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>
/// Outgoing connections: the deny rules, and allowlist mode with its allows. Blocks at
/// <c>security_socket_connect</c> (Tetragon v1.4.0 and later) or kills at <c>tcp_connect</c> before that.
/// </summary>
internal sealed class EgressFamily : IHookFamily
{
    /// <summary>The family's name in policy names.</summary>
    public const string Name = "egress";

    /// <inheritdoc />
    public void Plan(ServerPlan plan)
    {
        var server = plan.Server;
        var hook = plan.Supports(TetragonFeatures.SockaddrArguments) ? ConnectHook.SocketConnect : ConnectHook.TcpConnect;
        var coverage = new EgressCoverage(plan, hook);
        var dnsHosts = DnsHosts(plan.Context.Cluster);
        CheckDnsAddress(plan, hook);
        CheckServiceRanges(plan, hook);

        var denies = new DenyPlanner(plan, hook, dnsHosts);
        foreach (var (declared, scope) in Scoped(plan))
        {
            if (declared.Rule is not EgressDenyRule deny)
                continue;
            var rule = WithServiceRanges(plan, hook, declared);
            if (coverage.Unsupported(rule, deny) is { } reason)
            {
                plan.Cover(rule, CoverageStatus.Unsupported, reason);
                continue;
            }
            denies.Add(rule, deny, scope.Binaries);
            coverage.Deny(rule, deny, scope, denies.KeptDns(rule));
        }
        plan.Selectors.AddRange(denies.Selectors());

        PlanAllowlists(plan, hook, coverage, dnsHosts);
    }

    private static void PlanAllowlists(ServerPlan plan, ConnectHook hook, EgressCoverage coverage, IReadOnlyList<IpCidr> dnsHosts)
    {
        var server = plan.Server;
        var serverAllows = server.Rules.Where(r => r.Rule is AllowEgressRule).ToList();
        var widenedTools = server.Tools.Where(t => t.Binaries.IsEmpty).ToList();
        var serverSwitch = Strictest(server.Rules.Where(r => r.Rule is DefaultDenyEgressRule)
            .Concat(widenedTools.SelectMany(t => t.Rules).Where(r => r.Rule is DefaultDenyEgressRule)));

        // A tool with binaries and allowlist rules of its own gets its own allowlist; the server's skips it. A tool
        // whose binary another tool also runs gets no allowance of its own: the other tool would get it too.
        var toolLists = new List<(ToolTarget Tool, ResolvedRule Switch, List<ResolvedRule> Allows, IReadOnlyList<ToolTarget> Sharing)>();
        foreach (var tool in server.Tools.Where(t => !t.Binaries.IsEmpty))
        {
            var sharing = EgressScope.ToolsSharingBinaries(server, tool);
            var own = tool.Rules.Where(r => r.Rule is AllowEgressRule).ToList();
            var applied = sharing.Count == 0 ? own : [];
            var toolSwitch = Strictest(tool.Rules.Where(r => r.Rule is DefaultDenyEgressRule)) ?? (applied.Count > 0 ? serverSwitch : null);
            if (toolSwitch is not null)
                toolLists.Add((tool, toolSwitch, [.. serverAllows, .. applied], sharing));
            foreach (var allow in own)
            {
                if (sharing.Count > 0)
                    coverage.AllowOfSharedBinary(allow, tool, sharing);
                else
                    coverage.Allow(allow, toolSwitch is not null);
            }
        }
        foreach (var tool in widenedTools)
        {
            foreach (var allow in tool.Rules.Where(r => r.Rule is AllowEgressRule))
                coverage.AllowWithoutBinaries(allow, tool);
        }
        foreach (var allow in serverAllows)
            coverage.Allow(allow, serverSwitch is not null);

        if (serverSwitch is not null)
        {
            var excluded = toolLists.SelectMany(t => t.Tool.Binaries).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            var binaries = excluded.IsEmpty ? null : new MatchBinaries("NotIn", excluded, plan.Supports(TetragonFeatures.FollowChildren));
            var switches = server.Rules.Concat(widenedTools.SelectMany(t => t.Rules)).Where(r => r.Rule is DefaultDenyEgressRule);
            PlanAllowlist(plan, hook, coverage, binaries, serverSwitch, [.. switches], serverAllows, dnsHosts,
                server.Rules.Contains(serverSwitch) ? null : "declared on a tool that names no binary, applied to the whole server");
        }
        foreach (var (tool, toolSwitch, allows, sharing) in toolLists)
        {
            var binaries = new MatchBinaries("In", tool.Binaries, plan.Supports(TetragonFeatures.FollowChildren));
            var switches = tool.Rules.Where(r => r.Rule is DefaultDenyEgressRule);
            PlanAllowlist(plan, hook, coverage, binaries, toolSwitch, [.. switches], allows, dnsHosts,
                sharing.Count == 0 ? null : $"applies to {EgressCoverage.Names(sharing)} too, which run the same binaries");
        }
    }

    private static void PlanAllowlist(ServerPlan plan, ConnectHook hook, EgressCoverage coverage, MatchBinaries? binaries,
        ResolvedRule allowlistSwitch, List<ResolvedRule> switches, List<ResolvedRule> allows, IReadOnlyList<IpCidr> dnsHosts,
        string? widened)
    {
        if (coverage.UnsupportedAllowlist() is { } reason)
        {
            foreach (var rule in switches.Append(allowlistSwitch))
                plan.Cover(rule, CoverageStatus.Unsupported, reason);
            return;
        }

        var allowed = allows.Select(r => (Rule: r, Allow: (AllowEgressRule)r.Rule))
            .SelectMany(a => a.Rule.Destinations.Select(d => new AllowlistPlanner.Allowed(d, a.Allow.Ports)))
            .Concat(dnsHosts.Select(d => new AllowlistPlanner.Allowed(d, Ports.TcpAndUdp(53))))
            .ToList();
        ImmutableArray<ResolvedRule> shaping = [.. allows.DistinctBy(r => r.Id).OrderBy(r => r.Id)];
        plan.Selectors.AddRange(AllowlistPlanner.Plan(plan, hook, binaries, allowlistSwitch, shaping, allowed));
        coverage.Allowlist(allowlistSwitch, switches, binaries, dnsHosts, widened);
    }

    // The strictest of several DefaultDenyEgress rules decides: enforce wins over audit.
    private static ResolvedRule? Strictest(IEnumerable<ResolvedRule> switches) =>
        switches.OrderBy(r => r.Mode == RuleMode.Enforce ? 0 : 1).ThenBy(r => r.Id).FirstOrDefault();

    /// <summary>Every rule of the server with the processes it applies to.</summary>
    private static IEnumerable<(ResolvedRule Rule, EgressScope Scope)> Scoped(ServerPlan plan)
    {
        foreach (var rule in plan.Server.Rules.OrderBy(r => r.Id))
            yield return (rule, EgressScope.Server);
        foreach (var tool in plan.Server.Tools)
        {
            var scope = tool.Binaries.IsEmpty
                ? EgressScope.Widened(tool)
                : EgressScope.ForTool(tool, plan.Supports(TetragonFeatures.FollowChildren),
                    EgressScope.ToolsSharingBinaries(plan.Server, tool));
            foreach (var rule in tool.Rules.OrderBy(r => r.Id))
                yield return (rule, scope);
        }
    }

    // The connect hook sees a Service address before it is translated to a pod, so lateral traffic through a
    // Service fronting another workspace's pods would slip past the pod ranges: the service ranges are denied too.
    private static ResolvedRule WithServiceRanges(ServerPlan plan, ConnectHook hook, ResolvedRule rule) =>
        rule.Rule is DenyLateralRule && hook == ConnectHook.SocketConnect
            ? rule with { Destinations = [.. rule.Destinations.Concat(plan.Context.Cluster.ServiceCidrs).Distinct().Order()] }
            : rule;

    private static void CheckServiceRanges(ServerPlan plan, ConnectHook hook)
    {
        if (hook != ConnectHook.SocketConnect || !plan.Context.Cluster.ServiceCidrs.IsDefaultOrEmpty)
            return;
        var lateral = plan.Server.AllRules.FirstOrDefault(r => r.Rule is DenyLateralRule);
        if (lateral is null)
            return;
        plan.Report(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Error, $"rule '{lateral.Id}'",
            "Tetragon sees a Service address before it is translated to a pod, so this rule must deny the service ranges "
            + "too (or connections through a Service to another workspace's pods get through), but the cluster fact "
            + "'service_cidrs' is not set",
            "set cluster.service_cidrs in hangar.yaml or ClusterFacts.ServiceCidrs, e.g. 10.96.0.0/12");
    }

    private static IReadOnlyList<IpCidr> DnsHosts(ClusterFacts facts) =>
        [.. new[] { facts.Dns?.ServiceAddress, facts.NodeLocalDns }.OfType<IpCidr>().Distinct().Order()];

    // The connect hook sees the DNS Service address before it is rewritten, so a rule that blocks the service
    // range or everything must know it to keep DNS working.
    private static void CheckDnsAddress(ServerPlan plan, ConnectHook hook)
    {
        if (hook != ConnectHook.SocketConnect || plan.Context.Cluster.Dns is not { ServiceAddress: null })
            return;
        var needy = plan.Server.AllRules.FirstOrDefault(r => r.Rule is DefaultDenyEgressRule or DenyClusterInternalRule);
        if (needy is null)
            return;
        plan.Report(DiagnosticIds.MissingClusterFact, DiagnosticSeverity.Error, $"rule '{needy.Id}'",
            "Tetragon sees the cluster DNS Service address before it is rewritten, and this rule would block it, "
            + "but the cluster fact 'dns.service_ip' is not set",
            "set cluster.dns.service_ip in hangar.yaml or ClusterFacts.Dns, e.g. DnsService.KubeDns(\"10.96.0.10\")");
    }
}
