using System.Globalization;
using System.Text.Json.Nodes;
using Hangar.Policy.Output;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// Reads emitted objects into plain JSON trees, the form the evaluators read: from YAML text (files on disk, or
/// the output of <c>emit</c>) or from <see cref="EmittedObject"/>s through their JSON form.
/// </summary>
public static class ManifestReader
{
    /// <summary>Every non-empty YAML document of <paramref name="yaml"/>, as a JSON object.</summary>
    public static IReadOnlyList<JsonObject> ReadYaml(string yaml) => [.. ReadYamlDocuments(yaml).OfType<JsonObject>()];

    /// <summary>Every YAML document of <paramref name="yaml"/> as a JSON tree, whatever its root (a Falco rules file is a list).</summary>
    public static IReadOnlyList<JsonNode?> ReadYamlDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode))];
    }

    /// <summary>The JSON tree of an emitted object.</summary>
    public static JsonObject Read(EmittedObject emitted)
    {
        ArgumentNullException.ThrowIfNull(emitted);
        return JsonNode.Parse(emitted.ToJson())!.AsObject();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            new KeyValuePair<string, JsonNode?>(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    // Plain scalars follow the YAML core schema; quoted ones are always strings.
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        if (text is "null" or "~" or "")
            return null;
        if (text is "true" or "false")
            return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
