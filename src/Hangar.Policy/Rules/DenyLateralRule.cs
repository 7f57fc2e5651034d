namespace Hangar.Policy.Rules;

/// <summary>Forbids connections to pods of other workspaces; pods of the same workspace stay reachable.</summary>
public sealed record DenyLateralRule : EgressDenyRule
{
    /// <inheritdoc />
    public override string Intent => "deny-lateral";

    /// <inheritdoc />
    public override string Describe() => "deny connections to pods of other workspaces";
}
