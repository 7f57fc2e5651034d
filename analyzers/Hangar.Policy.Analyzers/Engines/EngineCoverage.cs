using System;
using System.Collections.Generic;
using System.Linq;
using Hangar.Policy.Analyzers.Scopes;

namespace Hangar.Policy.Analyzers.Engines;

/// <summary>How an engine covers a kind of rule, as its backend reports it in the coverage matrix.</summary>
internal enum Coverage
{
    Enforced,
    /// <summary>Enforced for part of the traffic the rule names; not enough to silence HANGAR0201.</summary>
    Partial,
    Detected,
    Unsupported,
    /// <summary>The analyzer does not model this rule for this engine; it never warns on it.</summary>
    Unknown,
}

/// <summary>
/// The compile-time copy of what each backend can enforce (the backends' coverage answers and feature tables,
/// after the engine facts): enough to warn while typing. The compiler's coverage matrix remains the authority.
/// </summary>
internal static class EngineCoverage
{
    /// <summary>How <paramref name="engine"/> covers <paramref name="rule"/>, and why not when it does not.</summary>
    public static (Coverage Coverage, string Reason) Of(string engine, RuleFact rule)
    {
        switch (engine)
        {
            case "networkpolicy":
                if (!rule.IsNetwork)
                    return (Coverage.Unsupported, "networkpolicy sees no processes, files or capabilities");
                if (rule.IsAudit)
                    return (Coverage.Unsupported, "networkpolicy cannot audit");
                if (rule.Verb == "DenyLoopback" || (rule.IsEgressDeny && rule.Destinations is { Count: > 0 } d && d.All(IsLoopback)))
                    return (Coverage.Unsupported, "networkpolicy never sees traffic that stays inside the pod");
                if (rule.IsAllow && rule.Scope.Level == ScopeLevel.Tool)
                    return (Coverage.Unsupported, "networkpolicy cannot allow for one tool without allowing the whole server");
                if (rule.Verb == "DefaultDenyEgress" || (rule.IsEgressDeny && rule.Destinations is { } reach
                    && reach.Any(OverlapsLoopback)))
                {
                    return (Coverage.Partial,
                        "networkpolicy enforces it only in part: loopback inside the pod is not seen by NetworkPolicy");
                }
                return (Coverage.Enforced, "");
            case "tetragon":
                if (!rule.IsNetwork)
                    return rule.Verb == "AuditSyscall"
                        ? (Coverage.Detected, "tetragon only reports system calls")
                        : (Coverage.Enforced, "");
                if (rule.IsAllow && rule.Hostname is not null)
                    return (Coverage.Unsupported, "tetragon cannot match host names");
                if (rule.IsAllow && rule.Scope.Level == ScopeLevel.Tool && !rule.Scope.HasBinaries)
                    return (Coverage.Unsupported,
                        "tetragon tells a tool apart only by its binaries, and the tool names none with RunsAs(...)");
                return (Coverage.Enforced, "");
            case "kubearmor":
                if (rule.IsNetwork)
                    return (Coverage.Unsupported, "kubearmor matches no destination address or port");
                return rule.Verb == "AuditSyscall" ? (Coverage.Detected, "kubearmor only audits system calls") : (Coverage.Enforced, "");
            case "falco":
                return (Coverage.Detected, "falco only detects");
            default:
                return (Coverage.Unknown, "");
        }
    }

    /// <summary>True when an engine can act on a host name (Falco matches fd.sip.name; no other backend can).</summary>
    public static bool MatchesHostnames(string engine) => engine == "falco";

    /// <summary>The engines that would enforce <paramref name="rule"/>, for the fix.</summary>
    public static IEnumerable<string> Enforcers(RuleFact rule) =>
        EngineSettings.KnownEngines.Where(e => Of(e, rule).Coverage == Coverage.Enforced
            || (rule.IsAudit && Of(e, rule).Coverage == Coverage.Detected));

    /// <summary>
    /// The version features a rule needs from an engine: (feature, first version) pairs it lacks at <paramref name="target"/>.
    /// </summary>
    public static IEnumerable<(string Feature, string Needs)> MissingFeatures(string engine, RuleFact rule, Version target)
    {
        if (engine == "tetragon" && rule.IsNetwork && !rule.IsAudit)
        {
            if (target < new Version(1, 4) && rule.Verb is "DenyClusterInternal" or "DenyLateral" or "DefaultDenyEgress")
                yield return ("blocking connect() before address rewriting, which keeps cluster DNS reachable", "1.4.0");
            else if (target < new Version(1, 5) && rule.IsEgressDeny
                && (rule.Destinations is null || rule.Destinations.Any(x => x.Network.Length == 4)))
                yield return (
                    "matching IPv4-mapped addresses (::ffff:a.b.c.d), without which IPv6 sockets reach denied IPv4 ranges", "1.5.0");
        }
        if (engine == "networkpolicy" && rule.IsNetwork)
        {
            if (target < new Version(1, 25) && rule.Ports.HasRange)
                yield return ("port ranges (endPort)", "1.25");
            if (target < new Version(1, 20) && rule.Ports.Ranges is { } ranges && ranges.Any(r => r.Protocol == "sctp"))
                yield return ("SCTP ports", "1.20");
        }
    }

    private static readonly (byte[] Network, int Prefix)[] Loopback =
        [.. new[] { ("127.0.0.0", 8), ("0.0.0.0", 8), ("::1", 128), ("::", 128) }
            .Select(l => (System.Net.IPAddress.Parse(l.Item1).GetAddressBytes(), l.Item2))];

    private static bool IsLoopback((byte[] Network, int Prefix, string Text) cidr) =>
        Loopback.Any(l => Checks.CidrText.Contains(l.Network, l.Prefix, cidr.Network, cidr.Prefix));

    private static bool OverlapsLoopback((byte[] Network, int Prefix, string Text) cidr) =>
        Loopback.Any(l => Checks.CidrText.Contains(l.Network, l.Prefix, cidr.Network, cidr.Prefix)
            || Checks.CidrText.Contains(cidr.Network, cidr.Prefix, l.Network, l.Prefix));
}
