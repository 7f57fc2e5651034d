using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hangar.Policy.Analyzers.Manifests;

/// <summary>The readable tool manifests of a compilation, by server name. Read once per compilation.</summary>
internal sealed class ManifestIndex
{
    private readonly Dictionary<string, ManifestModel> _byServer;

    private ManifestIndex(Dictionary<string, ManifestModel> byServer) => _byServer = byServer;

    public static ManifestIndex Read(AnalyzerOptions options, System.Threading.CancellationToken token)
    {
        var byServer = new Dictionary<string, ManifestModel>(StringComparer.Ordinal);
        var manifests = options.AdditionalFiles.Where(f => ManifestReader.IsManifest(f.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        foreach (var file in manifests)
        {
            var model = ManifestReader.Read(file.Path, file.GetText(token)?.ToString());
            if (model.IsValid && !byServer.ContainsKey(model.Server))
                byServer[model.Server] = model;
        }
        return new ManifestIndex(byServer);
    }

    public bool TryGet(string server, out ManifestModel manifest) => _byServer.TryGetValue(server, out manifest);

    /// <summary>The listed tool whose name is nearest to <paramref name="name"/> (edit distance), for the fix.</summary>
    public static ToolModel? Nearest(ManifestModel manifest, string name)
    {
        ToolModel? best = null;
        var bestDistance = int.MaxValue;
        foreach (var tool in manifest.Tools)
        {
            var distance = Distance(tool.Name.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = tool;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
