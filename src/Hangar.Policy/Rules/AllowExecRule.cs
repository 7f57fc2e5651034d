namespace Hangar.Policy.Rules;

/// <summary>
/// Allowlist mode for executables: the processes of the scope may run only the listed executables (and those
/// below the listed directories); any other exec is forbidden. A deny at the same or a wider scope still wins.
/// </summary>
public sealed record AllowExecRule : PathRule
{
    /// <inheritdoc />
    public override string Intent => "allow-exec";

    /// <inheritdoc />
    public override string Describe() => $"allow executing only {PathList}";
}
