using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hangar.Policy.Analyzers.Generators;

namespace Hangar.Policy.Analyzers.Manifests;

/// <summary>Reads <c>*.tools.json</c> files (the shape of an MCP <c>tools/list</c> result) into models.</summary>
internal static class ManifestReader
{
    /// <summary>The file-name suffix that marks a tool manifest.</summary>
    public const string Suffix = ".tools.json";

    /// <summary>True when <paramref name="path"/> names a tool manifest.</summary>
    public static bool IsManifest(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The server a manifest describes: its file name without the suffix.</summary>
    public static string ServerOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.Substring(0, name.Length - Suffix.Length);
    }

    /// <summary>Reads one manifest; a malformed file becomes a model with <see cref="ManifestModel.Error"/> set.</summary>
    public static ManifestModel Read(string path, string? text)
    {
        var server = ServerOf(path);
        var identifier = Identifiers.Pascal(server);
        try
        {
            if (text is null)
                throw new FormatException("the file cannot be read");
            if (JsonText.Parse(text) is not Dictionary<string, object?> root || !root.TryGetValue("tools", out var tools)
                || tools is not List<object?> list)
                throw new FormatException("a manifest needs a 'tools' array, as in an MCP tools/list result");

            var models = ImmutableArray.CreateBuilder<ToolModel>();
            var used = new HashSet<string>(StringComparer.Ordinal) { identifier + "Tools", "All", "Server" };
            foreach (var entry in list)
            {
                if (entry is not Dictionary<string, object?> tool
                    || !tool.TryGetValue("name", out var n) || n is not string { Length: > 0 } name)
                    throw new FormatException("every entry of 'tools' needs a non-empty 'name'");
                var hints = tool.TryGetValue("annotations", out var a) ? a as Dictionary<string, object?> : null;
                models.Add(new ToolModel(name, Identifiers.Unique(Identifiers.Pascal(name), used),
                    Flag(hints, "readOnlyHint"), Flag(hints, "destructiveHint"),
                    Flag(hints, "idempotentHint"), Flag(hints, "openWorldHint")));
            }
            return new ManifestModel(path, server, identifier, new EquatableArray<ToolModel>(models.ToImmutable()), null);
        }
        catch (FormatException e)
        {
            return new ManifestModel(path, server, identifier, new EquatableArray<ToolModel>(ImmutableArray<ToolModel>.Empty), e.Message);
        }
    }

    private static bool? Flag(Dictionary<string, object?>? hints, string key) =>
        hints is not null && hints.TryGetValue(key, out var value) && value is bool b ? b : null;
}
