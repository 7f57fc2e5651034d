using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hangar.Policy.Hosting.Registry;

/// <summary>
/// The tools of one MCP server in the shape of a <c>tools/list</c> result, as <c>registry capture</c> writes it
/// and <see cref="Manifests.ToolManifest"/> reads it. Tool descriptions are replaced by digests and schema
/// descriptions dropped: they are prose that changes often and may carry instructions aimed at models, and a
/// policy only needs to know that they changed.
/// </summary>
public sealed record CapturedManifest(string Server, IReadOnlyList<CapturedTool> Tools)
{
    private static readonly string[] Hints = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"];

    /// <summary>The manifest file name for <paramref name="server"/>: <c>NAME.tools.json</c>.</summary>
    public static string FileName(string server) => $"{server}.tools.json";

    /// <summary>Builds a manifest from tools/list entries, sorted by name.</summary>
    public static CapturedManifest FromTools(string server,
        IEnumerable<(string Name, string? Title, string? Description, JsonElement Schema, JsonObject? Annotations)> tools) =>
        new(server, [.. tools
            .Select(t => new CapturedTool(
                t.Name, t.Title, Schema(CanonicalJson.Sort(t.Schema)), Hinted(t.Annotations), Digest(t.Description)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)]);

    /// <summary>The manifest as indented JSON, ending in a newline.</summary>
    public string ToJson()
    {
        var tools = new JsonArray();
        foreach (var tool in Tools)
        {
            var entry = new JsonObject { ["name"] = tool.Name };
            if (tool.Title is not null)
                entry["title"] = tool.Title;
            entry["inputSchema"] = tool.InputSchema.DeepClone();
            if (tool.Annotations is { Count: > 0 })
                entry["annotations"] = tool.Annotations.DeepClone();
            if (tool.DescriptionDigest is not null)
                entry["descriptionDigest"] = tool.DescriptionDigest;
            tools.Add(entry);
        }

        var root = new JsonObject { ["server"] = Server, ["tools"] = tools };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/> (or any tools/list-shaped file).</summary>
    public static CapturedManifest Parse(string json, string fallbackServer)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("the manifest is not a JSON object");
        var tools = root["tools"] as JsonArray ?? throw new JsonException("the manifest has no 'tools' array");
        return new CapturedManifest(
            root["server"]?.GetValue<string>() ?? fallbackServer,
            [.. tools.OfType<JsonObject>().Select(t => new CapturedTool(
                t["name"]?.GetValue<string>() ?? throw new JsonException("a tool has no name"),
                t["title"]?.GetValue<string>(),
                Schema(CanonicalJson.Sort(t["inputSchema"])),
                Hinted(t["annotations"] as JsonObject),
                t["descriptionDigest"]?.GetValue<string>() ?? Digest(t["description"]?.GetValue<string>())))
              .OrderBy(t => t.Name, StringComparer.Ordinal)]);
    }

    private static JsonNode Schema(JsonNode? sorted) => CanonicalJson.WithoutDescriptions(sorted) ?? new JsonObject();

    private static JsonObject? Hinted(JsonObject? annotations)
    {
        if (annotations is null)
            return null;
        var kept = new JsonObject();
        foreach (var hint in Hints)
        {
            if (annotations[hint] is JsonValue value && value.TryGetValue<bool>(out var flag))
                kept[hint] = flag;
        }
        return kept.Count == 0 ? null : kept;
    }

    private static string? Digest(string? description) =>
        description is null ? null : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)));
}
