namespace Hangar.Policy.Validation;

/// <summary>The form a system call name must have: 1-64 lowercase letters, digits and '_', not starting with a digit.</summary>
public static class SyscallNames
{
    /// <summary>True when <paramref name="name"/> has the form of a system call name.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 64 } && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
