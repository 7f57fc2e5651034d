using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hangar.Policy.Analyzers.Engines;

/// <summary>
/// The engines the policies target and their versions, from the MSBuild properties <c>HangarPolicyEngines</c> and
/// <c>HangarPolicyEngineVersions</c>, else from a <c>hangar.yaml</c> AdditionalFile (policy_engines, engine_versions).
/// </summary>
internal sealed class EngineSettings
{
    /// <summary>The engine names a backend answers to.</summary>
    public static readonly ImmutableArray<string> KnownEngines = ImmutableArray.Create("networkpolicy", "tetragon", "kubearmor", "falco");

    private EngineSettings(ImmutableArray<string> engines, IReadOnlyDictionary<string, Version> versions, string source, Location location)
    {
        Engines = engines;
        Versions = versions;
        Source = source;
        Location = location;
    }

    /// <summary>The selected engine names, lowercase; empty when none are named (engine checks are then off).</summary>
    public ImmutableArray<string> Engines { get; }

    /// <summary>Target versions by engine name.</summary>
    public IReadOnlyDictionary<string, Version> Versions { get; }

    /// <summary>Where the engines were named, for messages.</summary>
    public string Source { get; }

    /// <summary>The hangar.yaml file, or none.</summary>
    public Location Location { get; }

    /// <summary>Unknown engine names, to report.</summary>
    public IEnumerable<string> Unknown => Engines.Where(e => !KnownEngines.Contains(e));

    /// <summary>The selected known engines.</summary>
    public IEnumerable<string> Known => Engines.Where(e => KnownEngines.Contains(e));

    public static EngineSettings Read(AnalyzerOptions options, System.Threading.CancellationToken token)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var file = options.AdditionalFiles.FirstOrDefault(f =>
            string.Equals(System.IO.Path.GetFileName(f.Path), "hangar.yaml", StringComparison.OrdinalIgnoreCase));
        var yaml = file?.GetText(token)?.ToString();
        (ImmutableArray<string> Engines, IReadOnlyDictionary<string, Version> Versions)? fromFile =
            yaml is null ? null : HangarYaml.Read(yaml);
        var location = file is null ? Location.None : Location.Create(file.Path, default, default);

        var engines = ImmutableArray<string>.Empty;
        var source = "";
        if (global.TryGetValue("build_property.HangarPolicyEngines", out var property) && property.Trim().Length > 0)
        {
            engines = Split(property).ToImmutableArray();
            source = "HangarPolicyEngines";
            location = Location.None;
        }
        else if (fromFile is not null && fromFile.Value.Engines.Length > 0)
        {
            engines = fromFile.Value.Engines;
            source = "hangar.yaml";
        }

        var versions = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        if (fromFile is not null)
        {
            foreach (var pair in fromFile.Value.Versions)
                versions[pair.Key] = pair.Value;
        }
        if (global.TryGetValue("build_property.HangarPolicyEngineVersions", out var versionText))
        {
            foreach (var entry in Split(versionText))
            {
                var equals = entry.IndexOf('=');
                if (equals > 0 && HangarYaml.TryVersion(entry.Substring(equals + 1), out var version))
                    versions[entry.Substring(0, equals).Trim()] = version;
            }
        }
        return new EngineSettings(engines, versions, source, location);
    }

    private static IEnumerable<string> Split(string text) =>
        text.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim().ToLowerInvariant());
}
