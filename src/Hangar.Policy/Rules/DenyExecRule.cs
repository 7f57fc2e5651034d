namespace Hangar.Policy.Rules;

/// <summary>Forbids running the listed executables (and anything below the listed directories).</summary>
public sealed record DenyExecRule : PathRule
{
    /// <inheritdoc />
    public override string Intent => "deny-exec";

    /// <inheritdoc />
    public override string Describe() => $"deny executing {PathList}";
}
