using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Policy.Output;

namespace Hangar.Policy.Kubernetes.Comparison;

/// <summary>
/// An object reduced to what its owner decides: the fields the API server populates on its own are removed and
/// keys are sorted, so that two readings of the same object render to the same YAML.
/// </summary>
public static class ComparableObject
{
    /// <summary>The metadata fields the API server sets and a diff ignores.</summary>
    public static ImmutableArray<string> ServerMetadata { get; } =
        ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];

    /// <summary>The comparable form of <paramref name="obj"/>, ready for <see cref="YamlText.Write"/>.</summary>
    public static ObjectNode From(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);

        var node = (ObjectNode)Convert(obj)!;
        node = Without(node, "status");
        if (node.Node("metadata") is { } metadata)
            node["metadata"] = ServerMetadata.Aggregate(metadata, Without);
        return node;
    }

    /// <summary>The comparable form of an emitted object's body.</summary>
    public static ObjectNode From(ObjectNode body) => From(ToJson(body));

    /// <summary>The comparable form as YAML.</summary>
    public static string Yaml(JsonObject obj) => YamlText.Write(From(obj));

    /// <summary>An <see cref="ObjectNode"/> tree as a JSON object.</summary>
    public static JsonObject ToJson(ObjectNode body) => JsonNode.Parse(JsonText.Write(body))!.AsObject();

    private static ObjectNode Without(ObjectNode node, string key)
    {
        var copy = new ObjectNode();
        foreach (var (k, v) in node.Where(e => e.Key != key))
            copy[k] = v;
        return copy;
    }

    private static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => Sorted(obj),
        JsonArray array => array.Select(Convert).ToList(),
        JsonValue value => Scalar(value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static ObjectNode Sorted(JsonObject obj)
    {
        var node = new ObjectNode();
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
            node[key] = Convert(value);
        return node;
    }

    private static object? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        // YAML output knows integers only; other numbers keep their exact JSON spelling.
        _ => long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : value.ToJsonString(),
    };
}
