using Hangar.Policy.Networking;

namespace Hangar.Policy.Rules;

/// <summary>Forbids connections to cloud instance-metadata and credential services, IPv4 and IPv6.</summary>
public sealed record DenyCloudMetadataRule : EgressDenyRule
{
    /// <summary>The providers whose endpoints are denied; <see cref="CloudProvider.All"/> by default.</summary>
    public CloudProvider Providers { get; init; } = CloudProvider.All;

    /// <inheritdoc />
    public override string Intent => "deny-cloud-metadata";

    /// <inheritdoc />
    public override string? CanonicalParameters => Providers == CloudProvider.All ? null : Providers.ToString();

    /// <summary>The destinations this rule denies.</summary>
    public IReadOnlyList<IpCidr> Destinations => CloudMetadataDestinations.For(Providers);

    /// <inheritdoc />
    public override string Describe() =>
        $"deny cloud metadata services ({(Providers == CloudProvider.All ? "all providers, link-local ranges" : Providers.ToString())})";
}
