namespace Hangar.Policy.Rules;

/// <summary>
/// Allowlist mode: outbound traffic is denied unless an <see cref="AllowEgressRule"/> lets it through.
/// Cluster DNS stays reachable. With no allow at all, everything but DNS is denied, never everything allowed.
/// </summary>
public sealed record DefaultDenyEgressRule : PolicyRule
{
    /// <inheritdoc />
    public override string Intent => "default-deny-egress";

    /// <inheritdoc />
    public override string Describe() => "deny all egress not explicitly allowed (cluster DNS kept)";
}
