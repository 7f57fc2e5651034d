using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Validation;

/// <summary>
/// Checks what no single verb can: duplicate names and rules, allows that can never match because a deny
/// covers them, and tools missing from a server's manifest.
/// </summary>
public static class PolicyValidator
{
    /// <summary>
    /// Validates <paramref name="set"/>. Without <paramref name="facts"/> only fixed ranges (loopback, metadata,
    /// explicit CIDRs) are checked for allows inside denies; with them, fact-based denies are checked too.
    /// </summary>
    public static IReadOnlyList<PolicyDiagnostic> Validate(PolicySet set, ClusterFacts? facts)
    {
        var found = new List<PolicyDiagnostic>();
        void Report(string id, DiagnosticSeverity severity, string subject, string problem, string fix) =>
            found.Add(new PolicyDiagnostic(id, severity, set.Name, subject, problem, fix));

        foreach (var name in Duplicates(set.Workspaces.Select(w => w.Name)))
            Report(DiagnosticIds.DuplicateScope, DiagnosticSeverity.Error, $"Workspace(\"{name}\")",
                $"workspace '{name}' is declared more than once",
                "declare each workspace once and put all its servers inside it");

        foreach (var workspace in set.Workspaces)
        {
            foreach (var name in Duplicates(workspace.Servers.Select(s => s.Name)))
                Report(DiagnosticIds.DuplicateScope, DiagnosticSeverity.Error, $"Server(\"{name}\") in {workspace.Name}",
                    $"server '{name}' is declared more than once in workspace '{workspace.Name}'", "declare each server once");
            CheckRules(workspace.Rules, [], Report);

            foreach (var server in workspace.Servers)
            {
                foreach (var name in Duplicates(server.Tools.Select(t => t.Name)))
                    Report(DiagnosticIds.DuplicateScope, DiagnosticSeverity.Error, $"Tool(\"{name}\") in {workspace.Name}/{server.Name}",
                        $"tool '{name}' is declared more than once", "declare each tool once");
                CheckRules(server.Rules, workspace.Rules, Report);

                foreach (var tool in server.Tools)
                {
                    if (server.Manifest is { } manifest && !manifest.Contains(tool.Name))
                    {
                        var known = string.Join(", ", manifest.Tools.Select(t => t.Name).Order(StringComparer.Ordinal).Take(12));
                        Report(DiagnosticIds.UnknownTool, DiagnosticSeverity.Error,
                            $"Tool(\"{tool.Name}\") in {workspace.Name}/{server.Name}",
                            $"the tool manifest of server '{server.Name}' lists no tool '{tool.Name}'",
                            $"use one of the listed tools ({known}) or re-capture the manifest if the server changed");
                    }
                    CheckRules(tool.Rules, [.. workspace.Rules, .. server.Rules], Report);
                }
            }
        }

        CheckOverlappingSelectors(set, Report);
        CheckAllowsInsideDenies(set, facts, Report);
        CheckExecAllowsInsideDenies(set, Report);
        CheckSymlinkedPaths(set, Report);
        return found;
    }

    private static void CheckRules(IReadOnlyList<PolicyRule> rules, IReadOnlyList<PolicyRule> inherited,
        Action<string, DiagnosticSeverity, string, string, string> report)
    {
        foreach (var group in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            // Both modes of one rule cannot hold at once; picking either would silently drop the other.
            if (group.Select(r => r.Mode).Distinct().Count() > 1)
                report(DiagnosticIds.DuplicateRule, DiagnosticSeverity.Error, $"rule '{group.Key}'",
                    $"the rule '{group.First().Describe()}' is declared both enforced and audit-only at the same scope",
                    "keep one declaration with the mode you mean");
            else
                report(DiagnosticIds.DuplicateRule, DiagnosticSeverity.Warning, $"rule '{group.Key}'",
                    $"the rule '{group.First().Describe()}' is declared {group.Count()} times at the same scope", "remove the repeats");
        }

        // An audit-only allowlist below an enforced one adds nothing, and engines that scope allowlists by process
        // could read it as taking the scope out of the enforced one.
        var auditAllowlist = rules.OfType<DefaultDenyEgressRule>().FirstOrDefault(r => r.Mode == RuleMode.Audit);
        var enforcedAbove = inherited.OfType<DefaultDenyEgressRule>().FirstOrDefault(r => r.Mode == RuleMode.Enforce);
        if (auditAllowlist is not null && enforcedAbove is not null)
            report(DiagnosticIds.DuplicateRule, DiagnosticSeverity.Error, $"rule '{auditAllowlist.Id}'",
                $"an audit-only allowlist is declared below the enforced allowlist '{enforcedAbove.Id}', which already blocks this scope",
                "remove the inner DefaultDenyEgress(), or make the outer one audit-only too");

        var declaresAllowlist = rules.OfType<DefaultDenyEgressRule>().FirstOrDefault();
        if (declaresAllowlist is not null && !rules.Concat(inherited).OfType<AllowEgressRule>().Any())
            report(DiagnosticIds.EmptyAllowlist, DiagnosticSeverity.Info, $"rule '{declaresAllowlist.Id}'",
                "the scope is in allowlist mode with no allow, so every destination but cluster DNS is blocked",
                "add AllowEgress(...) for what the server needs, or keep it if blocking everything is intended");
    }

    private static void CheckAllowsInsideDenies(PolicySet set, ClusterFacts? facts,
        Action<string, DiagnosticSeverity, string, string, string> report)
    {
        var rules = set.AllRules.ToList();
        foreach (var allow in rules.OfType<AllowEgressRule>().Where(a => !a.Destination.IsHostname))
        {
            var denies = rules.OfType<EgressDenyRule>().Where(d => allow.Scope.IsWithin(d.Scope));
            foreach (var deny in denies)
            {
                if (facts is null && deny is DenyClusterInternalRule or DenyLateralRule or DenyCorporateNetworkRule)
                    continue;
                var denied = PolicyResolver.Destinations(deny, facts ?? ClusterFacts.None, set.Name, null).ToList();
                var portsCovered = deny.Ports.IsAny || (!allow.Ports.IsAny && allow.Ports.Ranges.All(a =>
                    deny.Ports.Ranges.Any(d => d.Protocol == a.Protocol && d.From <= a.From && d.To >= a.To)));
                if (portsCovered && allow.Destination.Cidrs.All(c => denied.Any(d => d.Contains(c))))
                {
                    report(DiagnosticIds.AllowInsideDeny, DiagnosticSeverity.Error, $"rule '{allow.Id}'",
                        $"'{allow.Describe()}' can never match: '{deny.Describe()}' ({deny.Id}) denies all of "
                            + $"{allow.Destination}, and a deny always wins",
                        "remove the allow, or narrow the deny so that it no longer covers the destination");
                    break;
                }
            }
        }
    }

    // An allowed executable that a deny at the same or a wider scope covers can never run: a deny always wins.
    private static void CheckExecAllowsInsideDenies(PolicySet set, Action<string, DiagnosticSeverity, string, string, string> report)
    {
        var rules = set.AllRules.ToList();
        foreach (var allow in rules.OfType<AllowExecRule>())
        {
            var deny = rules.OfType<DenyExecRule>().Where(d => allow.Scope.IsWithin(d.Scope))
                .FirstOrDefault(d => allow.Paths.All(a => d.Paths.Any(p => p.Covers(a))));
            if (deny is not null)
                report(DiagnosticIds.AllowInsideDeny, DiagnosticSeverity.Error, $"rule '{allow.Id}'",
                    $"'{allow.Describe()}' can never match: '{deny.Describe()}' ({deny.Id}) denies all of it, and a deny always wins",
                    "remove the allow, or narrow the deny so that it no longer covers the executables");
        }
    }

    // Denies get the resolved spelling added when built; allows and RunsAs cannot, because a second spelling could
    // name a different file in an image whose directory is real, and would widen what is allowed.
    private static void CheckSymlinkedPaths(PolicySet set, Action<string, DiagnosticSeverity, string, string, string> report)
    {
        foreach (var rule in set.AllRules.OfType<PathRule>().Where(r => r is AllowExecRule or DenyFileWritesOutsideRule))
        {
            foreach (var path in rule.Paths)
            {
                if (SymlinkedPaths.Resolved(path.Path) is not { } resolved || rule.Paths.Any(p => p.Path == resolved))
                    continue;
                report(DiagnosticIds.SymlinkedPath, DiagnosticSeverity.Warning, $"rule '{rule.Id}'",
                    $"'{path}' lies under a directory that is a symbolic link in common images, and engines match the resolved "
                    + $"path '{resolved}', so '{rule.Describe()}' does not match it there and blocks what it means to allow",
                    $"write the resolved path \"{resolved}\", or both spellings if some of your images keep the real directory");
            }
        }

        foreach (var workspace in set.Workspaces)
        {
            foreach (var server in workspace.Servers)
            {
                foreach (var tool in server.Tools)
                {
                    foreach (var binary in tool.Binaries)
                    {
                        if (SymlinkedPaths.Resolved(binary) is not { } resolved || tool.Binaries.Contains(resolved))
                            continue;
                        report(DiagnosticIds.SymlinkedPath, DiagnosticSeverity.Warning,
                            $"Tool(\"{tool.Name}\") in {workspace.Name}/{server.Name}",
                            $"RunsAs(\"{binary}\") names a path under a directory that is a symbolic link in common images, and "
                            + $"engines match the resolved path '{resolved}', so the tool's rules do not apply to its process there",
                            $"write RunsAs(\"{resolved}\"), or both spellings if some of your images keep the real directory");
                    }
                }
            }
        }
    }

    // NetworkPolicies (and KubeArmor policies) that select the same pods add up, so one server's allows would
    // void another's denies: two servers of a namespace must never select a common pod by construction.
    private static void CheckOverlappingSelectors(PolicySet set, Action<string, DiagnosticSeverity, string, string, string> report)
    {
        var servers = set.Workspaces.SelectMany(w => w.Servers.Select(s => (Workspace: w, Server: s))).ToList();
        for (var i = 0; i < servers.Count; i++)
        {
            for (var j = i + 1; j < servers.Count; j++)
            {
                var (a, b) = (servers[i], servers[j]);
                if (a.Workspace.Namespace != b.Workspace.Namespace)
                    continue;
                var (narrow, wide) = a.Server.PodLabels.Count >= b.Server.PodLabels.Count ? (a, b) : (b, a);
                if (wide.Server.PodLabels.All(l => narrow.Server.PodLabels.TryGetValue(l.Key, out var v) && v == l.Value))
                {
                    report(DiagnosticIds.OverlappingServers, DiagnosticSeverity.Error,
                        $"Server(\"{wide.Server.Name}\") in {wide.Workspace.Name}",
                        $"its pod selector {Labels(wide.Server)} also selects the pods of server "
                            + $"'{narrow.Server.Name}' ({Labels(narrow.Server)}) "
                        + $"in namespace '{narrow.Workspace.Namespace}', so the two servers' rules would add up on those pods",
                        "give each server a selector no other server's pods match, e.g. the default hangar.dev/server label");
                }
            }
        }
    }

    private static string Labels(ServerPolicy server) => "{" + string.Join(", ", server.PodLabels.Select(l => $"{l.Key}={l.Value}")) + "}";

    private static IEnumerable<string> Duplicates(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}
