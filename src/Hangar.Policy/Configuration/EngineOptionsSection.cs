using YamlDotNet.RepresentationModel;

namespace Hangar.Policy.Configuration;

/// <summary>
/// One engine's part of <c>engine_options</c> in hangar.yaml (or a mapping inside it), for the engine's backend to
/// read strictly: every accessor throws <see cref="HangarConfigException"/> naming the file, the key, the value and
/// the allowed values. The core keeps it unread; the hosting layer hands it to the backend of that engine.
/// </summary>
/// <example>
/// <code>
/// engine_options:
///   kubearmor:
///     posture: { file: block, network: audit, capabilities: audit }
/// </code>
/// </example>
public sealed class EngineOptionsSection
{
    private readonly YamlMappingNode _mapping;

    internal EngineOptionsSection(string source, string path, YamlMappingNode mapping)
    {
        Source = source;
        Path = path;
        _mapping = mapping;
        foreach (var key in mapping.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } })
                throw new HangarConfigException(source, path, "a key is not a plain word", "write keys as plain words, e.g. posture:");
        }
    }

    /// <summary>The file the section was read from, for messages.</summary>
    public string Source { get; }

    /// <summary>The key path of the section, e.g. <c>engine_options.kubearmor</c>.</summary>
    public string Path { get; }

    /// <summary>The section's keys, in file order.</summary>
    public IReadOnlyList<string> Keys => [.. _mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    /// <summary>True when the section holds <paramref name="key"/>.</summary>
    public bool Contains(string key) => Keys.Contains(key, StringComparer.Ordinal);

    /// <summary>Throws naming the first key that is not one of <paramref name="allowed"/>.</summary>
    public void AllowOnly(params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal)) is { } unknown)
            throw Error(unknown, $"unknown key '{unknown}'", $"use {Alternatives(allowed)}");
    }

    /// <summary>The mapping under <paramref name="key"/>; throws when it is absent or not a mapping.</summary>
    public EngineOptionsSection Section(string key) =>
        Node(key) as YamlMappingNode is { } mapping ? new EngineOptionsSection(Source, $"{Path}.{key}", mapping)
            : throw Error(key, "expected a mapping", $"write {key}: followed by indented keys");

    /// <summary>The plain value under <paramref name="key"/>; throws when it is absent or not a single value.</summary>
    public string Value(string key) =>
        Node(key) is YamlScalarNode { Value: { Length: > 0 } value } ? value
            : throw Error(key, "expected a single value", $"write {key}: followed by a value");

    /// <summary>
    /// The value under <paramref name="key"/> as one of <paramref name="choices"/> (matched exactly); throws naming
    /// the value and the allowed ones.
    /// </summary>
    public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var value = Value(key);
        return choices.TryGetValue(value, out var chosen) ? chosen
            : throw Error(key, $"'{value}' is not allowed", $"use {Alternatives([.. choices.Keys])}");
    }

    /// <summary>The integer under <paramref name="key"/>, between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public int Integer(string key, int min, int max)
    {
        var value = Value(key);
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var number) && number >= min && number <= max ? number
            : throw Error(key, $"'{value}' is not a whole number from {min} to {max}", $"write a number from {min} to {max}");
    }

    /// <summary>A <see cref="HangarConfigException"/> about <paramref name="key"/> of this section.</summary>
    public HangarConfigException Error(string key, string problem, string fix) =>
        new(Source, $"{Path}.{key}", problem, fix);

    private YamlNode? Node(string key) =>
        _mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node
            : throw Error(key, "the key is missing", $"add {key}:");

    private static string Alternatives(IReadOnlyList<string> allowed) => allowed.Count switch
    {
        1 => allowed[0],
        _ => string.Join(", ", allowed.Take(allowed.Count - 1)) + " or " + allowed[^1],
    };
}
