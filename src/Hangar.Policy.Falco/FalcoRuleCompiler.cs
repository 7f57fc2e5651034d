using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using NuGet.Versioning;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Falco;

/// <summary>
/// Writes the detection condition of one rule for one server, and says how Falco covers it. Falco never blocks,
/// so every rule it can express is <see cref="CoverageStatus.Detected"/>.
/// </summary>
internal sealed class FalcoRuleCompiler(BackendContext context)
{
    private readonly bool _exitOnly = FalcoFeatures.Table.Supports(FalcoFeatures.ExitEventsOnly, context.EngineVersion);

    /// <summary>The condition and what it watches (for the output), or null with an unsupported reason.</summary>
    public (FalcoCondition? Condition, string Watches, string Reason) Compile(ServerTarget target, ToolTarget? tool, ResolvedRule resolved)
    {
        var condition = new FalcoCondition();
        switch (resolved.Rule)
        {
            case EgressDenyRule:
                Event(condition, Connect());
                condition.And(Destinations(condition, resolved.Destinations));
                AddPorts(condition, resolved.Ports);
                var kept = KeptDns(resolved);
                if (kept.Count > 0)
                    condition.And($"not {DnsClause(condition, kept)}");
                Scope(condition, target, tool, parent: false);
                return (condition, "connection=%fd.name", DenyReason(resolved, kept));
            case DefaultDenyEgressRule:
                return Allowlist(condition, target, tool);
            case AllowEgressRule:
                return (null, "", "an allow only narrows what DefaultDenyEgress reports; Falco's allowlist rule carries it");
            case DenyExecRule exec:
                Event(condition, "evt.type in (execve, execveat) and evt.rawres >= 0");
                condition.And(condition.Paths("proc.exepath", exec.Paths));
                Scope(condition, target, tool, parent: true);
                return (condition, "exe=%proc.exepath", "Falco reports executing the listed paths");
            case AllowExecRule exec:
                Event(condition, "evt.type in (execve, execveat) and evt.rawres >= 0");
                condition.And($"not {condition.Paths("proc.exepath", exec.Paths)}");
                Scope(condition, target, tool, parent: true);
                return (condition, "exe=%proc.exepath", "Falco reports executing anything outside the list");
            case DenyFileAccessRule file:
                Event(condition, file.Access switch
                {
                    FileAccess.Read => "evt.type in (open, openat, openat2) and evt.is_open_read=true",
                    FileAccess.Write => "evt.type in (open, openat, openat2) and evt.is_open_write=true",
                    _ => "evt.type in (open, openat, openat2) and (evt.is_open_read=true or evt.is_open_write=true)",
                });
                condition.And("fd.typechar='f'").And(condition.Paths("fd.name", file.Paths));
                Scope(condition, target, tool, parent: false);
                return (condition, "file=%fd.name", "Falco reports successful opens of the listed paths");
            case DenyFileWritesOutsideRule writes:
                Event(condition, "evt.type in (open, openat, openat2) and evt.is_open_write=true");
                condition.And("fd.typechar='f'").And($"not {condition.Paths("fd.name", writes.Paths)}");
                Scope(condition, target, tool, parent: false);
                return (condition, "file=%fd.name", "Falco reports opening files for writing outside the listed roots");
            case DenyCapabilityRule capabilities:
                Event(condition, "evt.type in (execve, execveat) and evt.rawres >= 0");
                var names = capabilities.Capabilities.Select(c => $"thread.cap_effective contains CAP_{LinuxCapabilities.Name(c)}");
                condition.And($"({string.Join(" or ", names)})");
                Scope(condition, target, tool, parent: false);
                return (condition, "caps=%thread.cap_effective",
                    "Falco reports processes started with a listed capability in their effective set (it sees holding, not each use)");
            case DenySocketProtocolRule protocols:
                return Sockets(condition, target, tool, protocols);
            case AuditSyscallRule syscalls:
                Event(condition, $"evt.type in ({string.Join(", ", syscalls.Syscalls)})");
                Scope(condition, target, tool, parent: false);
                return (condition, "syscall=%evt.type args=%evt.args", "Falco reports the listed system calls");
            default:
                return (null, "", "the falco backend does not handle this kind of rule");
        }
    }

    private (FalcoCondition?, string, string) Allowlist(FalcoCondition condition, ServerTarget target, ToolTarget? tool)
    {
        var allowed = new List<string>();
        foreach (var allow in target.Rules.Concat(tool?.Rules ?? []).Where(r => r.Rule is AllowEgressRule))
        {
            var destination = ((AllowEgressRule)allow.Rule).Destination;
            var match = destination.IsHostname
                ? destination.Hostname!.StartsWith("*.", StringComparison.Ordinal)
                    ? $"fd.sip.name endswith {condition.Quote(destination.Hostname[1..])}"
                    : $"fd.sip.name = {condition.Quote(destination.Hostname)}"
                : Destinations(condition, allow.Destinations);
            var ports = PortClause(allow.Ports);
            allowed.Add(ports is null ? match : $"({match} and {ports})");
        }
        // Cluster DNS stays reachable under an allowlist, so queries to it are not reported.
        if (DnsHosts.Count > 0)
            allowed.Add(DnsClause(condition, DnsHosts));

        Event(condition, Connect());
        if (allowed.Count > 0)
            condition.And($"not ({string.Join("\n  or ", allowed)})");
        Scope(condition, target, tool, parent: false);
        return (condition, "connection=%fd.name",
            "Falco reports connections to destinations no allow lists (DNS names are matched as Falco last resolved them)");
    }

    private (FalcoCondition?, string, string) Sockets(FalcoCondition condition, ServerTarget target, ToolTarget? tool,
        DenySocketProtocolRule rule)
    {
        var clauses = new List<string>();
        var missing = new List<string>();
        foreach (var protocol in rule.Protocols)
        {
            switch (protocol)
            {
                case SocketProtocol.Raw: clauses.Add("evt.arg.type contains SOCK_RAW"); break;
                case SocketProtocol.Tcp: clauses.Add("evt.arg.type contains SOCK_STREAM"); break;
                case SocketProtocol.Udp: clauses.Add("evt.arg.type contains SOCK_DGRAM"); break;
                default: missing.Add(protocol.ToString().ToLowerInvariant()); break;
            }
        }
        if (missing.Count > 0)
            return (null, "", $"Falco's socket event does not tell {string.Join(", ", missing)} sockets apart");
        Event(condition, "evt.type = socket and evt.rawres >= 0");
        condition.And("evt.arg.domain in (AF_INET, AF_INET6)").And($"({string.Join(" or ", clauses)})");
        Scope(condition, target, tool, parent: false);
        return (condition, "socket=%evt.args", "Falco reports creating sockets of the listed kinds");
    }

    // The cluster DNS addresses, as the connect() call sees them: the Service address before it is rewritten, and
    // the node-local cache.
    private IReadOnlyList<IpCidr> DnsHosts { get; } =
        [.. new[] { context.Cluster.Dns?.ServiceAddress, context.Cluster.NodeLocalDns }.OfType<IpCidr>().Distinct().Order()];

    // Every engine keeps cluster DNS reachable on port 53 through the denies that would catch it (a service range,
    // link-local, corporate ranges), except an explicit DenyCidr, which is taken as written.
    private IReadOnlyList<IpCidr> KeptDns(ResolvedRule rule) =>
        rule.Rule is DenyCidrRule ? [] : [.. DnsHosts.Where(d => rule.Destinations.Any(x => x.Contains(d)))];

    private static string DnsClause(FalcoCondition condition, IEnumerable<IpCidr> hosts) =>
        $"({Destinations(condition, hosts)} and fd.l4proto in (tcp, udp) and fd.sport = 53)";

    private static string DenyReason(ResolvedRule rule, IReadOnlyList<IpCidr> kept)
    {
        var reason = rule.Rule is DenyLateralRule
            ? "Falco reports connections to the pod ranges (it cannot tell the remote pod's workspace, so same-workspace "
                + "traffic is reported too)"
            : "Falco reports connections to the denied ranges, IPv4, IPv6 and IPv4-mapped";
        return kept.Count == 0 ? reason
            : $"{reason}; cluster DNS ({string.Join(", ", kept)}) on port 53 (UDP and TCP) is kept and not reported";
    }

    private string Connect() =>
        "evt.type = connect and (evt.rawres >= 0 or evt.res = EINPROGRESS) and fd.typechar in (4, 6)";

    private void Event(FalcoCondition condition, string clause)
    {
        condition.And(clause);
        if (!_exitOnly)
            condition.And("evt.dir = <");
    }

    // Connections from IPv6 sockets to IPv4 peers carry ::ffff: addresses; written in hex, Falco parses them as IPv6.
    private static string Destinations(FalcoCondition condition, IEnumerable<IpCidr> cidrs)
    {
        var all = cidrs.SelectMany(c => c.IsIPv4 ? new[] { c, c.ToIPv4Mapped() } : [c]).Select(c => c.ToString()).Distinct();
        return $"fd.snet in {condition.List(all)}";
    }

    private static void AddPorts(FalcoCondition condition, PortSet ports)
    {
        if (PortClause(ports) is { } clause)
            condition.And(clause);
    }

    private static string? PortClause(PortSet ports)
    {
        if (ports.IsAny)
            return null;
        var parts = ports.Ranges.Select(r =>
        {
            var port = r.IsSinglePort ? $"fd.sport = {r.From}" : $"(fd.sport >= {r.From} and fd.sport <= {r.To})";
            return $"(fd.l4proto = {r.Protocol.ToString().ToLowerInvariant()} and {port})";
        });
        return $"({string.Join(" or ", parts)})";
    }

    // An exec is attributed to the tool through its parent (the tool's binary starts the new program).
    private static void Scope(FalcoCondition condition, ServerTarget target, ToolTarget? tool, bool parent)
    {
        condition.And($"k8s.ns.name = {condition.Quote(target.Namespace)}");
        foreach (var (key, value) in target.PodLabels)
            condition.And($"k8s.pod.label[{key}] = {condition.Quote(value)}");
        if (tool is { Binaries.IsEmpty: false })
            condition.And($"{(parent ? "proc.pexepath" : "proc.exepath")} in {condition.List(tool.Binaries)}");
    }
}
