using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>The <c>AuditSyscall</c> verb.</summary>
public static class SyscallRules
{
    /// <summary>
    /// Reports every call of <paramref name="syscalls"/> (lowercase names such as <c>ptrace</c> or <c>mount</c>).
    /// The rule is always in audit mode: engines report system calls, none of them blocks here.
    /// </summary>
    /// <example><code>ws.AuditSyscall("ptrace", "mount", "unshare")</code></example>
    public static TSelf AuditSyscall<TSelf>(this TSelf scope, params string[] syscalls) where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(syscalls);
        if (syscalls.Length == 0)
            throw scope.Reject(DiagnosticIds.InvalidSyscall, "AuditSyscall()", "no system call was given",
                "pass at least one system call name, e.g. AuditSyscall(\"ptrace\")");
        foreach (var name in syscalls)
        {
            if (!SyscallNames.IsValid(name))
                throw scope.Reject(DiagnosticIds.InvalidSyscall, $"AuditSyscall(\"{FilePaths.Printable(name)}\")",
                    $"'{FilePaths.Printable(name)}' is not a system call name",
                    "write the lowercase kernel name without a prefix, e.g. \"ptrace\", \"mount\" or \"unshare\"");
        }
        var rule = new AuditSyscallRule { Scope = scope.Scope,
            Syscalls = [.. syscalls.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] };
        return scope.AddRule(rule, RuleMode.Audit);
    }
}
