using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Hangar.Policy.Analyzers.Engines;

/// <summary>
/// Reads the two keys of <c>hangar.yaml</c> the analyzers need, <c>policy_engines</c> and <c>engine_versions</c>,
/// in flow (<c>[a, b]</c>, <c>{ a: 1.5.0 }</c>) or block style. The full file is read by the core at run time.
/// </summary>
internal static class HangarYaml
{
    public static (ImmutableArray<string> Engines, IReadOnlyDictionary<string, Version> Versions) Read(string text)
    {
        var engines = new List<string>();
        var versions = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            var line = StripComment(raw);
            if (line.Trim().Length == 0)
                continue;
            var indented = char.IsWhiteSpace(line[0]);
            var trimmed = line.Trim();
            if (!indented)
            {
                section = null;
                var colon = trimmed.IndexOf(':');
                if (colon < 0)
                    continue;
                var key = trimmed.Substring(0, colon).Trim();
                var value = trimmed.Substring(colon + 1).Trim();
                if (key == "policy_engines")
                {
                    section = key;
                    engines.AddRange(Items(value));
                }
                else if (key == "engine_versions")
                {
                    section = key;
                    foreach (var item in Items(value))
                        AddVersion(versions, item);
                }
            }
            else if (section == "policy_engines" && trimmed.StartsWith("-", StringComparison.Ordinal))
                engines.Add(Unquote(trimmed.Substring(1)));
            else if (section == "engine_versions")
                AddVersion(versions, trimmed);
        }
        return (engines.Where(e => e.Length > 0).Select(e => e.ToLowerInvariant()).ToImmutableArray(), versions);
    }

    /// <summary>Parses <c>1.5</c>, <c>1.5.0</c> or <c>v1.5.0-rc.1</c> (the pre-release part is ignored).</summary>
    public static bool TryVersion(string text, out Version version)
    {
        var clean = Unquote(text).TrimStart('v', 'V');
        var dash = clean.IndexOfAny(new[] { '-', '+' });
        if (dash >= 0)
            clean = clean.Substring(0, dash);
        if (clean.IndexOf('.') < 0)
            clean += ".0";
        return Version.TryParse(clean, out version!);
    }

    private static void AddVersion(Dictionary<string, Version> versions, string entry)
    {
        var colon = entry.IndexOf(':');
        if (colon > 0 && TryVersion(entry.Substring(colon + 1), out var version))
            versions[Unquote(entry.Substring(0, colon))] = version;
    }

    private static IEnumerable<string> Items(string value)
    {
        var inner = value.Trim().TrimStart('[', '{').TrimEnd(']', '}');
        return inner.Split(',').Select(Unquote).Where(i => i.Length > 0);
    }

    private static string Unquote(string text) => text.Trim().Trim('"', '\'').Trim();

    private static string StripComment(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return line.TrimStart().StartsWith("#", StringComparison.Ordinal) ? "" : hash >= 0 ? line.Substring(0, hash) : line;
    }
}
