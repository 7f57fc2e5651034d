namespace Hangar.Policy.Rules;

/// <summary>
/// Lets traffic reach a destination. Under <see cref="DefaultDenyEgressRule"/> only allowed destinations
/// (and cluster DNS) are reachable; a deny at the same or a wider scope always wins over an allow.
/// </summary>
public sealed record AllowEgressRule : PolicyRule
{
    /// <summary>The destination.</summary>
    public required EgressDestination Destination { get; init; }

    /// <summary>The ports allowed.</summary>
    public required Model.PortSet Ports { get; init; }

    /// <inheritdoc />
    public override string Intent => "allow-egress";

    /// <inheritdoc />
    public override string? CanonicalParameters => $"{Destination};{Ports}";

    /// <inheritdoc />
    public override string Describe() => $"allow {Destination} on {Ports}";
}
