namespace Hangar.Policy.Manifests;

/// <summary>One tool as an MCP server lists it in <c>tools/list</c>.</summary>
/// <param name="Name">The tool name.</param>
/// <param name="InputSchemaJson">The tool's input JSON Schema, as compact JSON text.</param>
/// <param name="Annotations">The declared behaviour hints.</param>
/// <param name="DescriptionDigest">A SHA-256 digest of the description, when captured, instead of its text.</param>
public sealed record ToolDescriptor(string Name, string InputSchemaJson, ToolAnnotations Annotations, string? DescriptionDigest = null);
