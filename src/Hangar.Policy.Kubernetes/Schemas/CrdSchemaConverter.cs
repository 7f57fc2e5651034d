using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Schemas;

/// <summary>
/// Converts a CRD's <c>openAPIV3Schema</c> (OpenAPI 3.0 with Kubernetes extensions) to JSON Schema Draft 2020-12,
/// with the API server's strict field validation built in: an object with declared properties accepts no others
/// unless it says <c>x-kubernetes-preserve-unknown-fields</c>.
/// </summary>
public static class CrdSchemaConverter
{
    /// <summary>The dialect of the converted schemas.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly HashSet<string> Copied = new(StringComparer.Ordinal)
    {
        "type", "required", "enum", "pattern", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "multipleOf", "format",
    };

    /// <summary>The JSON Schema for <paramref name="openApiV3Schema"/>, a whole object's schema.</summary>
    public static JsonObject Convert(JsonObject openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);

        var schema = ConvertNode(openApiV3Schema);

        // The API server validates metadata itself (names, labels) and ignores the CRD's metadata schema.
        if (schema["properties"] is JsonObject properties)
            properties["metadata"] = new JsonObject { ["type"] = "object" };

        var root = new JsonObject { ["$schema"] = Dialect };
        foreach (var (key, value) in schema)
            root[key] = value?.DeepClone();
        return root;
    }

    private static JsonObject ConvertNode(JsonObject source)
    {
        var target = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (Copied.Contains(key))
                target[key] = value?.DeepClone();
        }

        Bounds(source, target, "minimum", "exclusiveMinimum");
        Bounds(source, target, "maximum", "exclusiveMaximum");

        if (source["properties"] is JsonObject properties)
        {
            var converted = new JsonObject();
            foreach (var (name, property) in properties)
                converted[name] = property is JsonObject p ? ConvertNode(p) : new JsonObject();
            target["properties"] = converted;
        }
        if (source["items"] is JsonObject items)
            target["items"] = ConvertNode(items);
        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (source[combinator] is JsonArray parts)
                target[combinator] = new JsonArray([.. parts.OfType<JsonObject>().Select(p => (JsonNode)ConvertNode(p))]);
        }
        if (source["not"] is JsonObject not)
            target["not"] = ConvertNode(not);

        var preserveUnknown = Flag(source, "x-kubernetes-preserve-unknown-fields") || Flag(source, "x-kubernetes-embedded-resource");
        switch (source["additionalProperties"])
        {
            case JsonObject additional:
                target["additionalProperties"] = ConvertNode(additional);
                break;
            case JsonValue allowed:
                target["additionalProperties"] = allowed.GetValue<bool>();
                break;
            default:
                // A structural schema keeps only declared fields; strict field validation rejects the rest.
                if (!preserveUnknown && IsObject(source))
                    target["additionalProperties"] = false;
                break;
        }

        if (Flag(source, "x-kubernetes-int-or-string"))
        {
            target.Remove("type");
            target["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
        }
        if (Flag(source, "nullable"))
            Nullable(target);
        return target;
    }

    private static bool IsObject(JsonObject schema) =>
        schema["type"]?.GetValue<string>() == "object" || schema["properties"] is not null;

    private static bool Flag(JsonObject schema, string key) =>
        schema[key] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    // OpenAPI 3.0 spells exclusive bounds as booleans beside minimum/maximum; 2020-12 as numbers.
    private static void Bounds(JsonObject source, JsonObject target, string bound, string exclusive)
    {
        if (source[bound] is not { } limit)
            return;
        target[Flag(source, exclusive) ? exclusive : bound] = limit.DeepClone();
    }

    private static void Nullable(JsonObject target)
    {
        if (target["type"] is JsonValue type)
            target["type"] = new JsonArray(type.GetValue<string>(), "null");
        if (target["enum"] is JsonArray values)
            values.Add(null);
        if (target["anyOf"] is JsonArray alternatives)
            alternatives.Add(new JsonObject { ["type"] = "null" });
    }
}
