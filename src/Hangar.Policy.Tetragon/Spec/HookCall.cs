using System.Collections.Immutable;
using Hangar.Policy.Output;

namespace Hangar.Policy.Tetragon.Spec;

/// <summary>A kernel function to hook and the arguments to read from it.</summary>
/// <param name="Call">The function, e.g. <c>security_socket_connect</c>.</param>
/// <param name="Args">The arguments: index in the prototype and Tetragon type.</param>
/// <param name="OverrideNeedsSingleKprobes">
/// True for <c>security_*</c> functions, whose Override runs through fmod_ret and needs the policy option
/// <c>disable-kprobe-multi</c>.
/// </param>
internal sealed record HookCall(string Call, ImmutableArray<(int Index, string Type)> Args, bool OverrideNeedsSingleKprobes)
{
    /// <summary>The most selectors Tetragon accepts on one hook.</summary>
    public const int MaxSelectors = 5;

    /// <summary>The most arguments Tetragon reads on one hook.</summary>
    public const int MaxArgs = 5;

    /// <summary>
    /// For a call <c>list:NAME</c>: the system calls of the policy's list NAME (<c>sys_ptrace</c>, …), which
    /// Tetragon hooks one by one, each with this call's selectors. Empty for a single function.
    /// </summary>
    public ImmutableArray<string> SyscallList { get; init; } = [];

    /// <summary>A hook on every system call in <paramref name="syscalls"/> (names without prefix, e.g. <c>ptrace</c>).</summary>
    public static HookCall Syscalls(string listName, IEnumerable<string> syscalls) =>
        new($"list:{listName}", [], OverrideNeedsSingleKprobes: false) { SyscallList = [.. syscalls.Select(s => $"sys_{s}")] };

    /// <summary>The list's name, for a call on a list; null otherwise.</summary>
    public string? ListName => SyscallList.IsEmpty ? null : Call["list:".Length..];

    public ObjectNode ToNode(string message, IReadOnlyList<string> tags, IReadOnlyList<HookSelector> selectors)
    {
        if (selectors.Count > MaxSelectors || Args.Length > MaxArgs)
            throw new InvalidOperationException(
                $"a Tetragon hook takes at most {MaxSelectors} selectors and {MaxArgs} args, not {selectors.Count} and {Args.Length}");

        return new ObjectNode
        {
            ["call"] = Call,
            ["syscall"] = !SyscallList.IsEmpty,
            ["message"] = message,
            ["tags"] = tags.ToList(),
            ["args"] = Args.Select(a => new ObjectNode { ["index"] = a.Index, ["type"] = a.Type }).ToList(),
            ["selectors"] = selectors.Select(s => s.ToNode()).ToList(),
        };
    }

    public bool Equals(HookCall? other) =>
        other is not null && Call == other.Call && Args.SequenceEqual(other.Args) && SyscallList.SequenceEqual(other.SyscallList);

    public override int GetHashCode() => Call.GetHashCode(StringComparison.Ordinal);
}
