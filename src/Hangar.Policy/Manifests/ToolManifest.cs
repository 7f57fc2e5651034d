using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hangar.Policy.Manifests;

/// <summary>
/// The tools of one MCP server, in the shape of a <c>tools/list</c> result: <c>{"tools":[{name, inputSchema, annotations}]}</c>.
/// </summary>
/// <remarks>When a server has a manifest, a policy that names a tool the manifest does not list is rejected.</remarks>
public sealed record ToolManifest(ImmutableArray<ToolDescriptor> Tools)
{
    /// <summary>True when the manifest lists a tool called <paramref name="name"/> (exact, case-sensitive).</summary>
    public bool Contains(string name) => Tools.Any(t => t.Name == name);

    /// <summary>The tool called <paramref name="name"/>, or null.</summary>
    public ToolDescriptor? Find(string name) => Tools.FirstOrDefault(t => t.Name == name);

    /// <summary>Reads a manifest file.</summary>
    public static ToolManifest Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"tool manifest '{path}' is not valid JSON: {e.Message}; regenerate it "
                + "with 'registry capture'", e);
        }
    }

    /// <summary>Parses manifest JSON text; throws <see cref="InvalidDataException"/> naming what is missing.</summary>
    public static ToolManifest Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject
            ?? throw new InvalidDataException("a tool manifest must be a JSON object with a 'tools' array");
        if (root["tools"] is not JsonArray tools)
            throw new InvalidDataException("a tool manifest needs a 'tools' array, as in an MCP tools/list result");

        var list = new List<ToolDescriptor>();
        foreach (var node in tools)
        {
            if (node is not JsonObject tool || tool["name"]?.GetValue<string>() is not { Length: > 0 } name)
                throw new InvalidDataException("every entry of 'tools' needs a non-empty 'name'");
            var schema = tool["inputSchema"]?.ToJsonString() ?? "{}";
            var a = tool["annotations"] as JsonObject;
            var annotations = a is null
                ? ToolAnnotations.None
                : new ToolAnnotations(Flag(a, "readOnlyHint"), Flag(a, "destructiveHint"), Flag(a, "idempotentHint"),
                    Flag(a, "openWorldHint"));
            list.Add(new ToolDescriptor(name, schema, annotations, tool["descriptionDigest"]?.GetValue<string>()));
        }
        return new ToolManifest([.. list]);
    }

    private static bool? Flag(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
