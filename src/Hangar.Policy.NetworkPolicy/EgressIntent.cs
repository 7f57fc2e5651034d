using System.Collections.Immutable;
using Hangar.Policy.Compilation;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>What NetworkPolicy can enforce of one server's rules, after audit, loopback and tool rules are sorted out.</summary>
/// <param name="Target">The server.</param>
/// <param name="Allowlist">True when an enforced DefaultDenyEgress applies (possibly widened from a tool).</param>
/// <param name="Denies">The enforced denies, tool denies widened to the server.</param>
/// <param name="Allows">The enforced allows of ranges declared at workspace or server scope.</param>
/// <param name="Emitted">The rules the emitted object carries (enforced or widened).</param>
/// <param name="Coverage">One entry per rule of the server, before port fallbacks are known.</param>
internal sealed record EgressIntent(
    ServerTarget Target,
    bool Allowlist,
    ImmutableArray<EgressDeny> Denies,
    ImmutableArray<EgressAllow> Allows,
    ImmutableArray<ResolvedRule> Emitted,
    ImmutableArray<CoverageEntry> Coverage)
{
    /// <summary>True when the server's egress is restricted at all, so that an object must be emitted.</summary>
    public bool Restricts => Allowlist || !Denies.IsEmpty;
}
