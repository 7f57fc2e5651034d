namespace Hangar.Policy.Testing.Events;

/// <summary>
/// Who acts: a server of a workspace, optionally one of its tools, optionally the executable that runs.
/// </summary>
/// <param name="Workspace">The workspace name.</param>
/// <param name="Server">The server name.</param>
/// <param name="Tool">The tool, or null when the server process itself acts.</param>
/// <param name="Binary">
/// The executable, or null: then the tool's first declared binary, or <see cref="ServerBinary"/> for the server.
/// </param>
public sealed record EventSource(string Workspace, string Server, string? Tool = null, string? Binary = null)
{
    /// <summary>The executable assumed for the server process when the event names none.</summary>
    public const string ServerBinary = "/app/mcp-server";

    /// <summary>
    /// Parses <c>workspace/server</c> or <c>workspace/server/tool</c>; throws naming the bad value otherwise.
    /// </summary>
    public static EventSource Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException(
                $"'{path}' is not a source; write WORKSPACE/SERVER or WORKSPACE/SERVER/TOOL, e.g. \"acme/fetch/fetch\"",
                nameof(path));
        return new EventSource(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>The source as a path: <c>acme/fetch</c> or <c>acme/fetch/fetch</c>.</summary>
    public override string ToString() =>
        (Tool is null ? $"{Workspace}/{Server}" : $"{Workspace}/{Server}/{Tool}") + (Binary is null ? "" : $" ({Binary})");
}
