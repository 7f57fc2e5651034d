namespace Hangar.Policy.Manifests;

/// <summary>The behaviour hints an MCP server declares for a tool (all optional in the protocol).</summary>
/// <param name="ReadOnly">readOnlyHint: the tool does not modify its environment.</param>
/// <param name="Destructive">destructiveHint: the tool may perform destructive updates.</param>
/// <param name="Idempotent">idempotentHint: repeated calls have no additional effect.</param>
/// <param name="OpenWorld">openWorldHint: the tool interacts with an open world of external entities.</param>
public sealed record ToolAnnotations(bool? ReadOnly, bool? Destructive, bool? Idempotent, bool? OpenWorld)
{
    /// <summary>No hints declared.</summary>
    public static ToolAnnotations None { get; } = new(null, null, null, null);
}
