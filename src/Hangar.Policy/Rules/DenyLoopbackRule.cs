namespace Hangar.Policy.Rules;

/// <summary>
/// Forbids connections to the pod itself: 127.0.0.0/8, 0.0.0.0/8, ::1, :: and their IPv4-mapped forms.
/// </summary>
public sealed record DenyLoopbackRule : EgressDenyRule
{
    /// <inheritdoc />
    public override string Intent => "deny-loopback";

    /// <inheritdoc />
    public override string Describe() => "deny connections to loopback (127.0.0.0/8, 0.0.0.0/8, ::1, ::, IPv4-mapped forms)";
}
