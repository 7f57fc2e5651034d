namespace Hangar.Policy.Rules;

/// <summary>Forbids reading, writing, or both, the listed files (and anything below the listed directories).</summary>
public sealed record DenyFileAccessRule : PathRule
{
    /// <summary>What is forbidden: <see cref="FileAccess.Read"/>, <see cref="FileAccess.Write"/> or both.</summary>
    public required FileAccess Access { get; init; }

    /// <inheritdoc />
    public override string Intent => Access switch
    {
        FileAccess.Read => "deny-file-read",
        FileAccess.Write => "deny-file-write",
        _ => "deny-file-access",
    };

    /// <inheritdoc />
    public override string Describe() => Access switch
    {
        FileAccess.Read => $"deny reading {PathList}",
        FileAccess.Write => $"deny writing {PathList}",
        _ => $"deny reading and writing {PathList}",
    };
}
