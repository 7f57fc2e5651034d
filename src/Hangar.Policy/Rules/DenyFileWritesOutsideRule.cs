namespace Hangar.Policy.Rules;

/// <summary>
/// Confines writes: the processes of the scope may open files for writing only below the listed directories
/// (or the listed files); reads are not restricted.
/// </summary>
public sealed record DenyFileWritesOutsideRule : PathRule
{
    /// <inheritdoc />
    public override string Intent => "deny-file-writes-outside";

    /// <inheritdoc />
    public override string Describe() => $"deny writing anywhere but {PathList}";
}
