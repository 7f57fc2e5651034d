namespace Hangar.Policy.Manifests;

/// <summary>
/// A typed reference to one tool of an MCP server, generated from the server's <c>*.tools.json</c> manifest
/// (e.g. <c>McpTools.Fetch.Fetch</c>). Passing it to <c>Tool(...)</c> instead of a string makes a misspelt
/// tool a compile error and carries the tool's annotations into the policy.
/// </summary>
/// <param name="Server">The server the manifest belongs to (the manifest file name without <c>.tools.json</c>).</param>
/// <param name="Name">The tool name, exactly as the server lists it.</param>
/// <param name="Annotations">The behaviour hints the server declares for the tool.</param>
public sealed record McpToolHandle(string Server, string Name, ToolAnnotations Annotations)
{
    /// <summary>True when the server declares the tool read-only and not open-world: it needs no network.</summary>
    public bool IsClosedReadOnly => Annotations.ReadOnly == true && Annotations.OpenWorld != true;

    /// <inheritdoc />
    public override string ToString() => $"{Server}/{Name}";
}
