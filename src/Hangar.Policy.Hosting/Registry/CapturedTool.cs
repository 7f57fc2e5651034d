using System.Text.Json.Nodes;

namespace Hangar.Policy.Hosting.Registry;

/// <summary>One tool as captured: what a policy needs of it, with a digest in place of its description.</summary>
/// <param name="Name">The tool name.</param>
/// <param name="Title">The display title, if the server gives one.</param>
/// <param name="InputSchema">The input JSON Schema, keys sorted.</param>
/// <param name="Annotations">
/// The behaviour hints the server declares (readOnlyHint, destructiveHint, idempotentHint, openWorldHint).
/// </param>
/// <param name="DescriptionDigest"><c>sha256:</c> and the hex digest of the description; null when it has none.</param>
public sealed record CapturedTool(string Name, string? Title, JsonNode InputSchema, JsonObject? Annotations, string? DescriptionDigest);
