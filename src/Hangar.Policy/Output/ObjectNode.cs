using System.Collections;

namespace Hangar.Policy.Output;

/// <summary>
/// An ordered mapping, the building block of emitted objects. Keys keep their insertion order so that output
/// is byte-identical for the same input. Values are strings, integers, booleans, nested nodes or lists of these.
/// </summary>
/// <example><code>new ObjectNode { ["apiVersion"] = "v1", ["kind"] = "ConfigMap" }</code></example>
public sealed class ObjectNode : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _entries = [];

    /// <summary>Gets or sets the value of <paramref name="key"/>; setting a new key appends it.</summary>
    public object? this[string key]
    {
        get => _entries.FirstOrDefault(e => e.Key == key).Value;
        set
        {
            var index = _entries.FindIndex(e => e.Key == key);
            if (index >= 0)
                _entries[index] = new(key, value);
            else
                _entries.Add(new(key, value));
        }
    }

    /// <summary>The number of keys.</summary>
    public int Count => _entries.Count;

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => _entries.Exists(e => e.Key == key);

    /// <summary>Appends <paramref name="key"/> (collection-initializer support).</summary>
    public void Add(string key, object? value) => this[key] = value;

    /// <summary>The nested node under <paramref name="key"/>, or null.</summary>
    public ObjectNode? Node(string key) => this[key] as ObjectNode;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
