using System.Collections.Immutable;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Rules;

/// <summary>Forbids connections to the given address ranges, on all ports or the given ones.</summary>
public sealed record DenyCidrRule : EgressDenyRule
{
    /// <summary>The denied ranges, sorted.</summary>
    public required ImmutableArray<IpCidr> Cidrs { get; init; }

    /// <inheritdoc />
    public override string Intent => "deny-cidr";

    /// <inheritdoc />
    public override string? CanonicalParameters => $"{string.Join(",", Cidrs)};{Ports}";

    /// <inheritdoc />
    public override string Describe() => $"deny {string.Join(", ", Cidrs)} on {Ports}";
}
