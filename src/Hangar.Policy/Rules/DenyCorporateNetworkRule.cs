namespace Hangar.Policy.Rules;

/// <summary>Forbids connections to the corporate ranges listed in <see cref="Compilation.ClusterFacts.CorporateRanges"/>.</summary>
public sealed record DenyCorporateNetworkRule : EgressDenyRule
{
    /// <inheritdoc />
    public override string Intent => "deny-corporate-network";

    /// <inheritdoc />
    public override string Describe() => "deny connections to the corporate network ranges";
}
