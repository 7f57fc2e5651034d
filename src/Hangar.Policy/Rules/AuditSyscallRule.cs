using System.Collections.Immutable;

namespace Hangar.Policy.Rules;

/// <summary>Reports every call of the listed system calls. It never blocks: its mode is always audit.</summary>
public sealed record AuditSyscallRule : ProcessRule
{
    /// <summary>The system call names (x86-64 and arm64 spelling, e.g. <c>ptrace</c>), sorted and distinct.</summary>
    public required ImmutableArray<string> Syscalls { get; init; }

    /// <inheritdoc />
    public override string Intent => "audit-syscall";

    /// <inheritdoc />
    public override string? CanonicalParameters => string.Join(",", Syscalls);

    /// <inheritdoc />
    public override string Describe() => $"audit system calls {string.Join(", ", Syscalls)}";
}
