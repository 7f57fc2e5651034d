using System.Globalization;
using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Tests.Emulator;

/// <summary>
/// The emulator's objects and their field ownership, with the server-side apply rules PolicyApplier relies on:
/// conflicts with other managers unless forced, removal of fields a manager stops applying, defaulting, and no
/// new resourceVersion when an apply changes nothing.
/// </summary>
internal sealed class EmulatedStore
{
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _owners = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _resourceVersion = 1000;
    private int _uid;

    public static string Key(EmulatedType type, string? ns, string name) => $"{type.Group}|{type.Plural}|{ns}|{name}";

    public JsonObject? Get(EmulatedType type, string? ns, string name)
    {
        lock (_gate)
            return _objects.TryGetValue(Key(type, ns, name), out var obj) ? (JsonObject)obj.DeepClone() : null;
    }

    public List<JsonObject> List(EmulatedType type, string? ns)
    {
        var prefix = $"{type.Group}|{type.Plural}|";
        lock (_gate)
        {
            return [.. _objects.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => (JsonObject)p.Value.DeepClone())
                .Where(o => ns is null || o["metadata"]?["namespace"]?.GetValue<string>() == ns)
                .OrderBy(o => o["metadata"]!["name"]!.GetValue<string>(), StringComparer.Ordinal)];
        }
    }

    /// <summary>Stores <paramref name="obj"/> as if <paramref name="manager"/> had created it with an update.</summary>
    public JsonObject Put(EmulatedType type, JsonObject obj, string manager)
    {
        lock (_gate)
        {
            var (ns, name) = Identity(type, obj);
            var key = Key(type, ns, name);
            var stored = (JsonObject)obj.DeepClone();
            Stamp(stored, null);
            _owners[key] = new(StringComparer.Ordinal) { [manager] = FieldPaths.Leaves(obj) };
            Render(stored, _owners[key], type);
            _objects[key] = stored;
            return (JsonObject)stored.DeepClone();
        }
    }

    /// <summary>Server-side apply. Returns the resulting object, or the conflicting (field, manager) pairs.</summary>
    public (JsonObject? Result, List<(string Field, string Manager)> Conflicts) Apply(
        EmulatedType type, JsonObject config, string manager, bool force, bool dryRun)
    {
        lock (_gate)
        {
            var (ns, name) = Identity(type, config);
            var key = Key(type, ns, name);
            var applied = FieldPaths.Leaves(config);
            var owners = _owners.TryGetValue(key, out var known)
                ? known.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value), StringComparer.Ordinal)
                : new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            _objects.TryGetValue(key, out var existing);

            var conflicts = new List<(string, string)>();
            if (existing is not null)
            {
                foreach (var (other, paths) in owners.Where(o => o.Key != manager))
                {
                    foreach (var path in paths.Where(applied.Contains).Order(StringComparer.Ordinal))
                    {
                        if (!JsonNode.DeepEquals(FieldPaths.Get(existing, path), FieldPaths.Get(config, path)))
                            conflicts.Add((FieldPaths.Display(path), other));
                    }
                }
            }
            if (conflicts.Count > 0 && !force)
                return (null, conflicts);

            var result = existing is null ? new JsonObject() : (JsonObject)existing.DeepClone();
            var previous = owners.GetValueOrDefault(manager) ?? [];
            foreach (var dropped in previous.Where(p => !applied.Contains(p)))
            {
                if (!owners.Any(o => o.Key != manager && o.Value.Contains(dropped)))
                    FieldPaths.Remove(result, dropped);
            }
            result["apiVersion"] = config["apiVersion"]?.DeepClone();
            result["kind"] = config["kind"]?.DeepClone();
            FieldPaths.Set(result, "metadata/name", name);
            if (ns is not null)
                FieldPaths.Set(result, "metadata/namespace", ns);
            foreach (var path in applied)
                FieldPaths.Set(result, path, FieldPaths.Get(config, path));
            Defaults.Apply(type, result);

            owners[manager] = applied;
            if (force)
            {
                foreach (var (other, paths) in owners.Where(o => o.Key != manager))
                    paths.ExceptWith(conflicts.Where(c => c.Item2 == other).Select(c => c.Item1).Select(Undisplay));
            }

            if (existing is not null && SameContent(existing, result))
            {
                // An apply that changes nothing keeps resourceVersion; only ownership may move.
                Render(result, owners, type);
                result["metadata"]!["resourceVersion"] = existing["metadata"]!["resourceVersion"]!.DeepClone();
            }
            else
            {
                Stamp(result, existing);
                Render(result, owners, type);
            }

            if (!dryRun)
            {
                _objects[key] = (JsonObject)result.DeepClone();
                _owners[key] = owners;
            }
            return (result, []);
        }
    }

    public JsonObject? Delete(EmulatedType type, string? ns, string name, bool dryRun)
    {
        lock (_gate)
        {
            var key = Key(type, ns, name);
            if (!_objects.TryGetValue(key, out var existing))
                return null;
            if (!dryRun)
            {
                _objects.Remove(key);
                _owners.Remove(key);
            }
            return (JsonObject)existing.DeepClone();
        }
    }

    private static string Undisplay(string display) =>
        string.Join('/', display.TrimStart('.').Split('.').Select(s => s.Replace("/", "~1", StringComparison.Ordinal)));

    private static (string? Namespace, string Name) Identity(EmulatedType type, JsonObject obj) =>
        (type.Namespaced ? obj["metadata"]?["namespace"]?.GetValue<string>() ?? "default" : null,
         obj["metadata"]?["name"]?.GetValue<string>() ?? throw new InvalidOperationException("metadata.name is required"));

    private void Stamp(JsonObject obj, JsonObject? existing)
    {
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        metadata["uid"] = existing?["metadata"]?["uid"]?.DeepClone() ?? $"00000000-0000-4000-8000-{++_uid:D12}";
        metadata["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        metadata["creationTimestamp"] = existing?["metadata"]?["creationTimestamp"]?.DeepClone() ?? "2026-01-01T00:00:00Z";
        var generation = existing?["metadata"]?["generation"]?.GetValue<long>() ?? 0;
        var specChanged = existing is null || !JsonNode.DeepEquals(existing["spec"], obj["spec"]);
        metadata["generation"] = specChanged ? generation + 1 : generation;
    }

    private static void Render(JsonObject obj, Dictionary<string, HashSet<string>> owners, EmulatedType type)
    {
        var managers = owners.Where(o => o.Value.Count > 0).OrderBy(o => o.Key, StringComparer.Ordinal);
        obj["metadata"]!["managedFields"] = new JsonArray([.. managers
            .Select(o => (JsonNode)new JsonObject
            {
                ["manager"] = o.Key,
                ["operation"] = "Apply",
                ["apiVersion"] = type.GroupVersion,
                ["time"] = "2026-01-01T00:00:00Z",
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldPaths.FieldsV1(o.Value),
            })]);
    }

    private static bool SameContent(JsonObject existing, JsonObject result)
    {
        static JsonObject Strip(JsonObject o)
        {
            var copy = (JsonObject)o.DeepClone();
            var metadata = (JsonObject)copy["metadata"]!;
            foreach (var field in new[] { "managedFields", "resourceVersion", "generation", "uid", "creationTimestamp" })
                metadata.Remove(field);
            return copy;
        }
        return JsonNode.DeepEquals(Strip(existing), Strip(result));
    }
}
