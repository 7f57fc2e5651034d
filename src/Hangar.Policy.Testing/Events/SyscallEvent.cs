namespace Hangar.Policy.Testing.Events;

/// <summary>A hypothetical system call, named as the kernel names it (<c>ptrace</c>, <c>mount</c>).</summary>
/// <param name="Source">Who makes the call.</param>
/// <param name="Syscall">The lowercase system call name.</param>
public sealed record SyscallEvent(EventSource Source, string Syscall) : ProcessEvent(Source)
{
    /// <inheritdoc />
    public override string ToString() => $"system call {Syscall} by {Source}";
}
