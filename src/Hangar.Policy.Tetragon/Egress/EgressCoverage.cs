using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Tetragon.Spec;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>Says, for each egress rule, how Tetragon covers it at the target version, and why.</summary>
internal sealed class EgressCoverage(ServerPlan plan, ConnectHook hook)
{
    private bool Fallback => hook == ConnectHook.TcpConnect;

    private bool MappedGap => !plan.Supports(TetragonFeatures.IPv4MappedValues);

    /// <summary>Why <paramref name="deny"/> cannot be emitted at all at the target version, or null.</summary>
    public string? Unsupported(ResolvedRule rule, EgressDenyRule deny)
    {
        if (!Fallback)
            return null;
        if (rule.Rule is DenyClusterInternalRule or DenyLateralRule)
            return $"needs Tetragon v1.4.0 (targeting {plan.Context.EngineVersion}): before it only tcp_connect can block, "
                + "which sees Service addresses already resolved to pods, so cluster DNS could not be kept reachable";
        if (!deny.Ports.IsAny && deny.Ports.Ranges.All(r => r.Protocol != Protocol.Tcp))
            return $"covers {deny.Ports} only, and before Tetragon v1.4.0 (targeting {plan.Context.EngineVersion}) "
                + "only TCP connections can be blocked (tcp_connect)";
        return null;
    }

    /// <summary>Why allowlist mode cannot be emitted at the target version, or null.</summary>
    public string? UnsupportedAllowlist() => Fallback
        ? $"needs Tetragon v1.4.0 (targeting {plan.Context.EngineVersion}): before it only tcp_connect can block, which "
            + "sees Service addresses already resolved to pods, so cluster DNS could not be kept reachable; nothing is blocked"
        : null;

    /// <summary>Records the coverage of a planned deny rule.</summary>
    public void Deny(ResolvedRule rule, EgressDenyRule deny, EgressScope scope, IReadOnlyList<IpCidr> keptDns)
    {
        var parts = new List<string> { Action(rule.Mode), Processes(scope) };
        if (keptDns.Count > 0)
            parts.Add($"cluster DNS ({string.Join(", ", keptDns)}) stays reachable on port 53");
        var stricter = rule.Destinations.Any(AddressRanges.HoldsIPv4Mapped);
        if (rule.Rule is DenyLateralRule)
        {
            var services = plan.Context.Cluster.ServiceCidrs;
            parts.Add($"stricter than declared: every pod range is denied, pods of this workspace (namespace "
                + $"{plan.Server.Namespace}) too, because Tetragon cannot tell workspaces apart by address; and as it sees a "
                + $"Service address before it is translated to a pod, the service ranges ({string.Join(", ", services)}) are "
                + "denied too, so every Service (this workspace's, the Kubernetes API's) is blocked but cluster DNS");
            stricter = true;
        }
        if (rule.Rule is DenyClusterInternalRule or DenyLateralRule)
        {
            parts.Add(DnsPodsBlocked());
            stricter = true;
        }
        if (MappedGap && rule.Destinations.Any(d => d.IsIPv4))
        {
            parts.Add($"stricter: Tetragon {plan.Context.EngineVersion} cannot list IPv4-mapped ranges (v1.5.0 can), so an "
                + "IPv6 socket may reach no IPv4-mapped address (::ffff:0:0/96) where this rule applies");
            plan.Report(DiagnosticIds.EngineVersionTooOld, DiagnosticSeverity.Warning, $"engine '{TetragonBackend.EngineName}'",
                $"Tetragon {plan.Context.EngineVersion} cannot match IPv4-mapped ranges, so where an IPv4 range is denied "
                + "every IPv4-mapped address (::fffe:0:0/95) is denied too: dual-stack IPv6 sockets cannot reach IPv4 there",
                "target Tetragon v1.5.0 or later (CompileOptions.EngineVersions[\"tetragon\"]), or let such programs use IPv4 sockets");
        }
        if (Fallback && (deny.Ports.IsAny || deny.Ports.Ranges.Any(r => r.Protocol != Protocol.Tcp)))
        {
            plan.Report(DiagnosticIds.EngineVersionTooOld, DiagnosticSeverity.Warning, $"engine '{TetragonBackend.EngineName}'",
                $"Tetragon {plan.Context.EngineVersion} blocks TCP connections only (tcp_connect, Sigkill): UDP and SCTP "
                + "connections to denied destinations are not blocked",
                "target Tetragon v1.4.0 or later (CompileOptions.EngineVersions[\"tetragon\"]), where connect() is overridden");
        }

        var mappedToo = rule.Destinations.Where(AddressRanges.HoldsIPv4Mapped).ToList();
        if (mappedToo.Count > 0)
            parts.Add($"stricter: {string.Join(", ", mappedToo)} holds the IPv4-mapped addresses ({AddressRanges.IPv4Mapped}), "
                + "so IPv4 destinations dialled from IPv6 sockets as ::ffff:a.b.c.d are blocked too");

        if (scope.SharedWith is { Count: > 0 } sharing)
        {
            parts.Add($"widened: applies to {Names(sharing)} too, which run the same binaries");
            stricter = true;
        }

        var status = rule.Mode == RuleMode.Audit ? CoverageStatus.Detected
            : scope.IsWidened || stricter ? CoverageStatus.Widened
            : CoverageStatus.Enforced;
        plan.Cover(rule, status, string.Join("; ", parts));
    }

    /// <summary>Records the coverage of the rule that switches a scope to allowlist mode.</summary>
    public void Allowlist(ResolvedRule allowlistSwitch, IEnumerable<ResolvedRule> switches, MatchBinaries? binaries,
        IReadOnlyList<IpCidr> dnsHosts, string? widened)
    {
        var parts = new List<string>
        {
            Action(allowlistSwitch.Mode) + " for every destination outside the allowed ranges",
            binaries is null ? "for every process of the server" : $"for processes {binaries.Operator} {string.Join(", ", binaries.Paths)}",
            dnsHosts.Count > 0
                ? $"cluster DNS ({string.Join(", ", dnsHosts)}) stays reachable on port 53"
                : "no cluster DNS address is known to keep",
            "hostname allows cannot be matched, so those hosts stay blocked",
        };
        if (widened is not null)
            parts.Add($"widened: {widened}");
        parts.Add(DnsPodsBlocked() + " unless an allow admits them");
        if (MappedGap)
            parts.Add($"stricter: before Tetragon v1.5.0 (targeting {plan.Context.EngineVersion}) IPv6 sockets cannot reach allowed "
                + "IPv4 ranges through IPv4-mapped addresses, and a discard-only range of the family without allows is listed "
                + "so that its connections are matched at all");

        var status = allowlistSwitch.Mode == RuleMode.Audit ? CoverageStatus.Detected : CoverageStatus.Widened;
        foreach (var rule in switches.Append(allowlistSwitch).DistinctBy(r => r.Id))
        {
            var decided = rule.Id == allowlistSwitch.Id ? "" : $"; mode decided by {allowlistSwitch.Id}";
            plan.Cover(rule, status, string.Join("; ", parts) + decided);
        }
    }

    /// <summary>Records the coverage of an allow at a scope with or without an allowlist.</summary>
    public void Allow(ResolvedRule rule, bool allowlisted)
    {
        var allow = (AllowEgressRule)rule.Rule;
        if (allow.Destination.IsHostname)
        {
            plan.Cover(rule, CoverageStatus.Unsupported, "Tetragon cannot match hostnames"
                + (allowlisted ? $"; in allowlist mode {allow.Destination.Hostname} stays blocked" : ""));
            return;
        }
        var reason = allowlisted
            ? $"left out of the allowlist's blocking selectors: {allow.Destination} on {allow.Ports} stays reachable"
            : "nothing to enforce: the scope is not in allowlist mode, so nothing blocks this destination";
        if (allowlisted && rule.Destinations.Any(AddressRanges.HoldsIPv4Mapped))
            reason += $"; its IPv4-mapped addresses ({AddressRanges.IPv4Mapped}) are left out, so an IPv6 socket reaches "
                + "an IPv4 address only where an IPv4 allow admits it";
        plan.Cover(rule, CoverageStatus.Enforced, reason);
    }

    /// <summary>Records that an allow of a tool whose binaries other tools run too is not applied.</summary>
    public void AllowOfSharedBinary(ResolvedRule rule, ToolTarget tool, IReadOnlyList<ToolTarget> sharing)
    {
        var binaries = string.Join(", ", tool.Binaries.Intersect(sharing.SelectMany(t => t.Binaries), StringComparer.Ordinal));
        plan.Cover(rule, CoverageStatus.Unsupported,
            $"not applied: {binaries} also runs {Names(sharing)}, and Tetragon tells tools apart by binary only, so "
            + $"allowing it for tool '{tool.Name}' would allow it for them too; in allowlist mode the destination stays blocked");
        plan.Report(DiagnosticIds.NotEnforced, DiagnosticSeverity.Warning, $"rule '{rule.Id}'",
            $"Tetragon cannot apply this allow: tool '{tool.Name}' shares {binaries} with {Names(sharing)}, and an allowance "
                + "scoped by binary would reach them too, so it is left out (stricter: the destination stays blocked)",
            "give each tool a binary of its own (RunsAs), or declare the allow on the server if every tool may use it");
    }

    /// <summary>The names of <paramref name="tools"/>, quoted, for reasons and diagnostics.</summary>
    public static string Names(IEnumerable<ToolTarget> tools) =>
        "tool" + (tools.Count() > 1 ? "s " : " ") + string.Join(", ", tools.Select(t => $"'{t.Name}'"));

    /// <summary>Records that an allow of a tool without binaries is not applied.</summary>
    public void AllowWithoutBinaries(ResolvedRule rule, ToolTarget tool) =>
        plan.Cover(rule, CoverageStatus.Unsupported,
            $"not applied: tool '{tool.Name}' names no binary (RunsAs), and allowing for the whole server would allow more "
            + "than declared; in allowlist mode the destination stays blocked for the tool");

    // Tetragon matches addresses only, and the DNS pods' addresses are not a cluster fact: DNS is kept at the
    // Service address (and the node-local cache), so a program that queries a DNS pod directly is blocked.
    private string DnsPodsBlocked()
    {
        var dns = plan.Context.Cluster.Dns;
        var pods = dns is null ? "the DNS pods"
            : $"the DNS pods (namespace {dns.Namespace}, {string.Join(", ", dns.PodLabels.Select(l => $"{l.Key}={l.Value}"))})";
        return $"stricter: cluster DNS is kept at its Service address only, so {pods} queried at their own pod addresses "
            + "are blocked";
    }

    private string Action(RuleMode mode) => mode == RuleMode.Audit
        ? $"audit: reported by a Post action on {hook.Call.Call}, never blocked"
        : Fallback
            ? $"the process is killed at tcp_connect (Sigkill); TCP only, UDP and SCTP are not seen before Tetragon v1.4.0 "
                + $"(targeting {plan.Context.EngineVersion})"
            : "connect() fails with EPERM (security_socket_connect, Override)";

    private string Processes(EgressScope scope)
    {
        if (scope.Tool is null)
            return "for every process of the server";
        if (scope.Binaries is null)
            return $"widened to every process of server {plan.Server.Scope}: tool '{scope.Tool.Name}' names no binary (RunsAs)";
        return $"for {string.Join(", ", scope.Binaries.Paths)}" + (scope.Binaries.FollowChildren
            ? " and the processes they start"
            : $", not the processes they start (followChildren needs Tetragon v1.2.0, targeting {plan.Context.EngineVersion})");
    }
}
