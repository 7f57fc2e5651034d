namespace Hangar.Policy.Hosting.Registry;

/// <summary>How a server's tools changed between a kept manifest and a fresh capture.</summary>
/// <param name="Added">Tools the server lists now that the manifest lacks.</param>
/// <param name="Removed">Tools the manifest lists that the server no longer does.</param>
/// <param name="Changed">Tools present in both whose schema, annotations, title or description changed, with what changed.</param>
public sealed record ManifestDrift(
    IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<(string Tool, string What)> Changed)
{
    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>Compares <paramref name="kept"/> with <paramref name="current"/>.</summary>
    public static ManifestDrift Between(CapturedManifest kept, CapturedManifest current)
    {
        var before = kept.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var now = current.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var changed = new List<(string, string)>();
        foreach (var (name, tool) in now.Where(p => before.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var old = before[name];
            var what = new List<string>();
            if (CanonicalJson.Text(old.InputSchema) != CanonicalJson.Text(tool.InputSchema))
                what.Add("input schema");
            if (CanonicalJson.Text(old.Annotations) != CanonicalJson.Text(tool.Annotations))
                what.Add($"annotations ({CanonicalJson.Text(old.Annotations)} -> {CanonicalJson.Text(tool.Annotations)})");
            if (old.Title != tool.Title)
                what.Add("title");
            if (old.DescriptionDigest != tool.DescriptionDigest)
                what.Add("description");
            if (what.Count > 0)
                changed.Add((name, string.Join(", ", what)));
        }

        return new ManifestDrift(
            [.. now.Keys.Except(before.Keys).Order(StringComparer.Ordinal)],
            [.. before.Keys.Except(now.Keys).Order(StringComparer.Ordinal)],
            changed);
    }

    /// <summary>One line per change, e.g. <c>+ new_tool</c>, <c>- old_tool</c>, <c>~ tool: input schema</c>.</summary>
    public IEnumerable<string> Lines() =>
        Added.Select(a => $"+ {a} (added)")
            .Concat(Removed.Select(r => $"- {r} (removed)"))
            .Concat(Changed.Select(c => $"~ {c.Tool}: {c.What} changed"));
}
