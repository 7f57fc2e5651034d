using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// What the process-level rules of a policy say about a process event: a deny that covers it blocks (or, in
/// audit mode, reports) it; an allowlist (<c>AllowExec</c>, <c>DenyFileWritesOutside</c>) blocks what it does not
/// list. Every applicable rule is an independent constraint, so two allowlists at different scopes both apply.
/// </summary>
internal static class ProcessRuleModel
{
    public static Verdict Evaluate(ProcessEvent processEvent, IReadOnlyList<PolicyRule> rules)
    {
        var process = rules.OfType<ProcessRule>().ToList();
        var (matched, allowing) = processEvent switch
        {
            ExecEvent exec => Exec(exec, process),
            FileOpenEvent open => Open(open, process),
            CapabilityEvent use => (process.OfType<DenyCapabilityRule>().Where(r => r.Capabilities.Contains(use.Capability))
                .Select(r => (Rule: (ProcessRule)r, Why: $"'{r.Describe()}' covers {LinuxCapabilities.Name(use.Capability)}"))
                .ToList(), []),
            SocketEvent socket => (process.OfType<DenySocketProtocolRule>().Where(r => r.Protocols.Contains(socket.Protocol))
                .Select(r => (Rule: (ProcessRule)r, Why: $"'{r.Describe()}' covers {socket.Protocol.ToString().ToUpperInvariant()}"))
                .ToList(), []),
            SyscallEvent call => (process.OfType<AuditSyscallRule>().Where(r => r.Syscalls.Contains(call.Syscall, StringComparer.Ordinal))
                .Select(r => (Rule: (ProcessRule)r, Why: $"'{r.Describe()}' covers {call.Syscall}")).ToList(), []),
            _ => throw new NotSupportedException($"the model does not judge {processEvent.GetType().Name} events"),
        };

        var enforced = matched.Where(m => m.Rule.Mode == RuleMode.Enforce).ToList();
        if (enforced.Count > 0)
            return Verdict(Outcome.Blocked, enforced.Select(m => m.Rule), string.Join("; ", enforced.Select(m => m.Why)));
        if (matched.Count > 0)
            return Verdict(Outcome.DetectedOnly, matched.Select(m => m.Rule),
                string.Join("; ", matched.Select(m => m.Why)) + " in audit mode, which never blocks");
        if (allowing.Count > 0)
            return Verdict(Outcome.Allowed, allowing, $"listed by {string.Join(", ", allowing.Select(r => $"'{r.Describe()}'"))}");
        return Verdict(Outcome.Allowed, [], "no process rule covers it");
    }

    private static (List<(ProcessRule Rule, string Why)>, List<ProcessRule>) Exec(ExecEvent exec, List<ProcessRule> rules)
    {
        var matched = new List<(ProcessRule Rule, string Why)>();
        foreach (var deny in rules.OfType<DenyExecRule>().Where(d => d.Paths.Any(p => p.Covers(exec.Path))))
            matched.Add((deny, $"'{deny.Describe()}' covers {exec.Path}"));

        var allowing = new List<ProcessRule>();
        foreach (var allow in rules.OfType<AllowExecRule>())
        {
            if (allow.Paths.Any(p => p.Covers(exec.Path)))
                allowing.Add(allow);
            else
                matched.Add((allow, $"{exec.Path} is not in the allowlist '{allow.Describe()}'"));
        }
        return (matched, allowing);
    }

    private static (List<(ProcessRule Rule, string Why)>, List<ProcessRule>) Open(FileOpenEvent open, List<ProcessRule> rules)
    {
        var matched = new List<(ProcessRule Rule, string Why)>();
        foreach (var deny in rules.OfType<DenyFileAccessRule>())
        {
            if ((deny.Access & open.Access) != 0 && deny.Paths.Any(p => p.Covers(open.Path)))
                matched.Add((deny, $"'{deny.Describe()}' covers {FileOpenEvent.Describe(deny.Access & open.Access)} {open.Path}"));
        }

        var allowing = new List<ProcessRule>();
        if (open.Access.HasFlag(FileAccess.Write))
        {
            foreach (var confine in rules.OfType<DenyFileWritesOutsideRule>())
            {
                if (confine.Paths.Any(p => p.Covers(open.Path)))
                    allowing.Add(confine);
                else
                    matched.Add((confine, $"{open.Path} is outside what '{confine.Describe()}' lets be written"));
            }
        }
        return (matched, allowing);
    }

    private static Verdict Verdict(Outcome outcome, IEnumerable<PolicyRule> rules, string reason) =>
        new(ModelEvaluator.Judge, outcome, [.. rules.Select(r => r.Id.Value).Distinct().Order(StringComparer.Ordinal)], [], reason);
}
