using System.Collections.Immutable;

namespace Hangar.Policy.Rules;

/// <summary>
/// Forbids opening sockets of the listed protocols (e.g. raw sockets), whatever the destination. Unlike the
/// egress rules it names no address, so engines that cannot match addresses (KubeArmor) can enforce it.
/// </summary>
public sealed record DenySocketProtocolRule : ProcessRule
{
    /// <summary>The protocols, sorted and distinct.</summary>
    public required ImmutableArray<SocketProtocol> Protocols { get; init; }

    /// <inheritdoc />
    public override string Intent => "deny-socket-protocol";

    /// <inheritdoc />
    public override string? CanonicalParameters => string.Join(",", Protocols);

    /// <inheritdoc />
    public override string Describe() => $"deny {string.Join(", ", Protocols.Select(p => p.ToString().ToUpperInvariant()))} sockets";
}
