using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>Tolerant reads of an object tree: a missing or mistyped field reads as absent.</summary>
internal static class Tree
{
    public static JsonObject? Obj(this JsonNode? node, string key) => (node as JsonObject)?[key] as JsonObject;

    public static JsonArray? Arr(this JsonNode? node, string key) => (node as JsonObject)?[key] as JsonArray;

    public static IEnumerable<JsonObject> Objects(this JsonNode? node, string key) =>
        node.Arr(key)?.OfType<JsonObject>() ?? [];

    public static string? Str(this JsonNode? node, string key) => Text((node as JsonObject)?[key]);

    public static bool Has(this JsonNode? node, string key) => node is JsonObject o && o.ContainsKey(key);

    public static IEnumerable<string> Strings(this JsonNode? node, string key) =>
        node.Arr(key)?.Select(Text).OfType<string>() ?? [];

    /// <summary>A scalar as text: strings as they are, numbers and booleans in their JSON spelling.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    public static int? Int(this JsonNode? node, string key) =>
        int.TryParse(node.Str(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static bool IsNumber(this JsonNode? node, string key) =>
        (node as JsonObject)?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    /// <summary><c>Kind namespace/name</c> or <c>Kind name</c>.</summary>
    public static string Describe(JsonObject obj)
    {
        var ns = obj.Obj("metadata").Str("namespace");
        var name = obj.Obj("metadata").Str("name");
        return ns is null ? $"{obj.Str("kind")} {name}" : $"{obj.Str("kind")} {ns}/{name}";
    }

    /// <summary>The rule ids an object carries in its <c>hangar.dev/rules</c> annotation.</summary>
    public static IEnumerable<string> RuleIds(JsonObject obj) =>
        (obj.Obj("metadata").Obj("annotations").Str(HangarLabels.RulesAnnotation) ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
