namespace Hangar.Policy.Validation;

/// <summary>The MCP rule for tool names: 1 to 128 characters of ASCII letters, digits, '_', '-' and '.'.</summary>
public static class McpToolNames
{
    /// <summary>True when <paramref name="name"/> is a valid tool name.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 128 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
