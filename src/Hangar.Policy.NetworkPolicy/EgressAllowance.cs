using System.Collections.Immutable;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>The destinations one egress rule allows: ipBlocks plus, possibly, pods by selector.</summary>
/// <param name="Blocks">The ipBlock peers.</param>
/// <param name="Pods">The pods reached by selector.</param>
internal sealed record EgressAllowance(ImmutableArray<IpBlock> Blocks, PodPeer Pods)
{
    /// <summary>True when the allowance reaches nothing: such a rule is never emitted (an empty <c>to</c> means any).</summary>
    public bool IsEmpty => Blocks.IsEmpty && Pods == PodPeer.None;

    /// <summary>A stable text form: equal allowances have equal keys.</summary>
    public string Key => $"{string.Join(";", Blocks)}|{Pods}";
}
