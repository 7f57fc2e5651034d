namespace Hangar.Policy.Model;

/// <summary>Where a rule is declared: a workspace, one of its servers, or one tool of a server.</summary>
/// <param name="Workspace">The workspace name.</param>
/// <param name="Server">The server name, or null for a workspace-wide rule.</param>
/// <param name="Tool">The tool name, or null for a server-wide or workspace-wide rule.</param>
public sealed record PolicyScope(string Workspace, string? Server = null, string? Tool = null)
{
    /// <summary>The scope as a path: <c>acme</c>, <c>acme/fetch</c>, <c>acme/fetch/fetch</c>.</summary>
    public string Path => Tool is not null ? $"{Workspace}/{Server}/{Tool}" : Server is not null ? $"{Workspace}/{Server}" : Workspace;

    /// <summary>The level of the scope.</summary>
    public ScopeLevel Level => Tool is not null ? ScopeLevel.Tool : Server is not null ? ScopeLevel.Server : ScopeLevel.Workspace;

    /// <summary>True when this scope is <paramref name="other"/> or lies inside it.</summary>
    public bool IsWithin(PolicyScope other) =>
        Workspace == other.Workspace
        && (other.Server is null || (Server == other.Server && (other.Tool is null || Tool == other.Tool)));

    /// <inheritdoc />
    public override string ToString() => Path;
}

/// <summary>The level of a <see cref="PolicyScope"/>.</summary>
public enum ScopeLevel
{
    /// <summary>A whole workspace.</summary>
    Workspace,
    /// <summary>One MCP server deployment.</summary>
    Server,
    /// <summary>One tool of a server.</summary>
    Tool,
}
