using Hangar.Policy.Compilation;
using Hangar.Policy.Rules;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Process;

/// <summary>
/// <c>AuditSyscall</c> as kprobes on the system calls themselves: one policy list of type <c>syscalls</c> per rule
/// (Tetragon adds the architecture's prefix, e.g. <c>__x64_sys_ptrace</c>), hooked with a Post-only selector,
/// scoped to a tool's binaries with matchBinaries. Nothing is ever blocked.
/// </summary>
internal sealed class SyscallAuditFamily : IHookFamily
{
    /// <summary>The family's name in policy and list names.</summary>
    public const string Name = "syscalls";

    /// <inheritdoc />
    public void Plan(ServerPlan plan)
    {
        var scopes = ProcessScope.For(plan).Where(s => s.Rule.Rule is AuditSyscallRule).ToList();
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            var rule = (AuditSyscallRule)scope.Rule.Rule;

            // One hook per rule, so that each rule's calls get only its own selector; policies are named per family.
            var family = scopes.Count == 1 ? Name : $"{Name}-{i + 1}";
            var hook = HookCall.Syscalls(family, rule.Syscalls);
            plan.Selectors.Add(new PlannedSelector(family, hook, scope.Rule.Mode,
                new HookSelector([], scope.Binaries, [MatchAction.Post]), [scope.Rule]));

            var who = scope.IsWidened
                ? $"; tool '{scope.Tool!.Name}' names no binary (RunsAs), so every process of server '{plan.Server.Server}' is watched"
                : scope.Binaries is null ? "" : " for the tool's binaries (matchBinaries)";
            plan.Cover(scope.Rule, CoverageStatus.Detected,
                $"Tetragon reports every call of {string.Join(", ", rule.Syscalls)} (kprobes on the system calls, Post only)" + who
                + "; a name the node's kernel lacks (e.g. open on arm64) makes Tetragon reject the policy, and 32-bit compat "
                + "calls are not seen");
        }
    }
}
