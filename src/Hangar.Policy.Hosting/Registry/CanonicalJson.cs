using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hangar.Policy.Hosting.Registry;

/// <summary>JSON with object keys sorted at every level, so that two captures of the same tools compare equal.</summary>
internal static class CanonicalJson
{
    /// <summary>A sorted deep copy of <paramref name="node"/>.</summary>
    public static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>The sorted form of <paramref name="element"/>.</summary>
    public static JsonNode? Sort(JsonElement element) => Sort(JsonNode.Parse(element.GetRawText()));

    /// <summary>
    /// A copy of a JSON Schema without its <c>description</c> annotations: prose that may change or carry
    /// instructions, and that no policy needs. Property names called "description" are kept.
    /// </summary>
    public static JsonNode? WithoutDescriptions(JsonNode? schema, bool namesSchemas = false) => schema switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => namesSchemas || !(p.Key == "description" && p.Value is JsonValue))
            .Select(p => KeyValuePair.Create(p.Key, WithoutDescriptions(p.Value, !namesSchemas && NamesSchemas(p.Key))))),
        JsonArray array => new JsonArray([.. array.Select(n => WithoutDescriptions(n))]),
        null => null,
        _ => schema.DeepClone(),
    };

    // Keywords whose value maps names to schemas, so that its keys are names, not keywords.
    private static bool NamesSchemas(string keyword) =>
        keyword is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas";

    /// <summary>Compact text of the sorted form, for comparisons.</summary>
    public static string Text(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";
}
