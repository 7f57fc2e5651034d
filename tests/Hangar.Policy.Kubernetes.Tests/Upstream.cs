using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Hangar.Policy.Kubernetes.Tests;

/// <summary>
/// The upstream data folder: HANGAR_UPSTREAM, else ../shared/upstream beside the repository root. Tests that need
/// it skip with the reason when it is absent.
/// </summary>
internal static class Upstream
{
    public static string? File(string relative)
    {
        var root = Environment.GetEnvironmentVariable("HANGAR_UPSTREAM");
        if (string.IsNullOrEmpty(root))
        {
            var repo = new DirectoryInfo(AppContext.BaseDirectory);
            while (repo is not null && !System.IO.File.Exists(Path.Combine(repo.FullName, "Hangar.Policy.sln")))
                repo = repo.Parent;
            root = repo?.Parent is null ? null : Path.Combine(repo.Parent.FullName, "shared", "upstream");
        }
        var path = root is null ? null : Path.Combine(root, relative);
        return path is not null && System.IO.File.Exists(path) ? path : null;
    }

    /// <summary>The first document of a CRD YAML file as JSON.</summary>
    public static JsonObject ReadCrd(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        return (JsonObject)ToJson(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            new KeyValuePair<string, JsonNode?>(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted
            or YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded)
            return JsonValue.Create(text);
        if (text is "true" or "false")
            return JsonValue.Create(text == "true");
        if (long.TryParse(text, out var number))
            return JsonValue.Create(number);
        return text is "null" or "~" ? null : JsonValue.Create(text);
    }
}
