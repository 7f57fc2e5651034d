using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Tests.Emulator;

/// <summary>
/// Field paths as server-side apply tracks them: every leaf (scalar, list, or empty map) of an applied
/// configuration, lists being atomic as they are for CRDs without list-type markers.
/// </summary>
internal static class FieldPaths
{
    private static readonly HashSet<string> Untracked = ["apiVersion", "kind", "metadata/name", "metadata/namespace"];

    public static HashSet<string> Leaves(JsonObject config)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Walk(config, "", paths);
        paths.ExceptWith(Untracked);
        return paths;
    }

    public static string[] Segments(string path) => [.. path.Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal))];

    public static string Display(string path) => "." + string.Join('.', Segments(path));

    public static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in Segments(path))
            node = (node as JsonObject)?[segment];
        return node;
    }

    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var segments = Segments(path);
        var node = root;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child)
                node[segment] = child = [];
            node = child;
        }
        node[segments[^1]] = value?.DeepClone();
    }

    public static void Remove(JsonObject root, string path)
    {
        var segments = Segments(path);
        var parents = new List<JsonObject> { root };
        foreach (var segment in segments[..^1])
        {
            if (parents[^1][segment] is not JsonObject child)
                return;
            parents.Add(child);
        }
        parents[^1].Remove(segments[^1]);

        // Maps emptied by the removal disappear as well, as they do on a real server.
        for (var i = parents.Count - 1; i > 0 && parents[i].Count == 0; i--)
            parents[i - 1].Remove(segments[i - 1]);
    }

    public static JsonObject FieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in Segments(path))
            {
                if (node[$"f:{segment}"] is not JsonObject child)
                    node[$"f:{segment}"] = child = [];
                node = child;
            }
        }
        return root;
    }

    private static void Walk(JsonObject obj, string prefix, HashSet<string> paths)
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix + key.Replace("/", "~1", StringComparison.Ordinal);
            if (value is JsonObject child && child.Count > 0)
                Walk(child, path + "/", paths);
            else
                paths.Add(path);
        }
    }
}
