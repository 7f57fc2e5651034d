using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Configuration;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Hosting;

/// <summary>
/// Every policy set of the project built and compiled for the selected engines, merged into one
/// <see cref="CompilationResult"/>. When anything failed (a set that cannot be built, a compile error, two sets
/// emitting the same object), <see cref="Result"/> holds no objects and no files.
/// </summary>
public sealed class HostCompilation
{
    private readonly ImmutableArray<CompilationResult> _perSet;

    private HostCompilation(HangarConfig config, string? configPath, ImmutableArray<string> engines,
        ImmutableArray<PolicySet> sets, CompileOptions options, ImmutableArray<CompilationResult> perSet,
        CompilationResult result)
    {
        Config = config;
        ConfigPath = configPath;
        Engines = engines;
        Sets = sets;
        Options = options;
        _perSet = perSet;
        Result = result;
    }

    /// <summary>The config used (empty when none was found).</summary>
    public HangarConfig Config { get; }

    /// <summary>Where the config was read from, for messages; null when none was used.</summary>
    public string? ConfigPath { get; }

    /// <summary>The engine names compiled for, in order.</summary>
    public ImmutableArray<string> Engines { get; }

    /// <summary>The policy sets that were built.</summary>
    public ImmutableArray<PolicySet> Sets { get; }

    /// <summary>The options every set was compiled with: the backends, the config's facts and versions.</summary>
    public CompileOptions Options { get; }

    /// <summary>The merged result: every set's objects, files, coverage and diagnostics.</summary>
    public CompilationResult Result { get; }

    /// <summary>The result of compiling <paramref name="set"/> alone, one of <see cref="Sets"/>.</summary>
    public CompilationResult ResultOf(PolicySet set)
    {
        var index = Sets.IndexOf(set, ReferenceEqualityComparer.Instance);
        if (index < 0)
            throw new ArgumentException($"policy set '{set.Name}' is not one of this compilation's", nameof(set));
        return _perSet[index];
    }

    /// <summary>True when nothing failed.</summary>
    public bool Succeeded => Result.Succeeded;

    /// <summary>Builds and compiles every source for <paramref name="backends"/> with the config's facts and versions.</summary>
    public static HostCompilation Run(IReadOnlyList<PolicySource> sources, IReadOnlyList<IPolicyBackend> backends,
        HangarConfig config, string? configPath)
    {
        var options = new CompileOptions
        {
            Backends = [.. backends],
            Cluster = config.Cluster,
            EngineVersions = config.EngineVersions,
        };

        var buildErrors = new List<PolicyDiagnostic>();
        var sets = new List<PolicySet>();
        foreach (var source in sources)
        {
            try
            {
                sets.Add(source.Build());
            }
            catch (PolicyDefinitionException e)
            {
                buildErrors.AddRange(e.Diagnostics);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException
                or FormatException or IOException or UnauthorizedAccessException)
            {
                // What else a policy method throws is still a mistake in the policy code, not in the command line.
                buildErrors.Add(new PolicyDiagnostic(e.GetType().Name, DiagnosticSeverity.Error, source.Name,
                    "building the policy set", e.Message.TrimEnd('.'), $"correct the policy code of {source.Name}"));
            }
        }

        buildErrors.AddRange(sets.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g =>
            new PolicyDiagnostic(DiagnosticIds.DuplicateScope, DiagnosticSeverity.Error, g.Key, "the policy set name",
                $"{g.Count()} policy sets are named '{g.Key}', so their objects would carry the same policy-set label",
                "give every policy set of the project its own name")));

        var results = sets.Select(s => PolicyCompiler.Compile(s, options)).ToList();
        var engines = backends.Select(b => b.Name).ToImmutableArray();
        return new HostCompilation(config, configPath, engines, [.. sets], options, [.. results],
            Merge(results, engines, buildErrors));
    }

    private static CompilationResult Merge(List<CompilationResult> results, ImmutableArray<string> engines,
        List<PolicyDiagnostic> buildErrors)
    {
        if (results.Count == 1 && buildErrors.Count == 0)
            return results[0];

        var objects = results.SelectMany(r => r.Objects).ToList();
        var diagnostics = buildErrors.Concat(results.SelectMany(r => r.Diagnostics)).Concat(Collisions(objects)).ToList();
        var failed = diagnostics.Any(d => d.IsError);

        var order = engines.Select((name, index) => (name, index))
            .ToDictionary(p => p.name, p => p.index, StringComparer.OrdinalIgnoreCase);
        var sortedObjects = objects.OrderBy(o => order.GetValueOrDefault(o.Backend))
            .ThenBy(o => o.Kind, StringComparer.Ordinal)
            .ThenBy(o => o.Namespace ?? "", StringComparer.Ordinal)
            .ThenBy(o => o.Name, StringComparer.Ordinal);
        var sortedFiles = results.SelectMany(r => r.Files).OrderBy(f => order.GetValueOrDefault(f.Backend))
            .ThenBy(f => f.FileName, StringComparer.Ordinal);
        var coverage = CoverageMatrix.Create(results.SelectMany(r => r.Coverage.Rules), engines,
            results.SelectMany(r => r.Coverage.Entries));

        return new CompilationResult(
            string.Join(", ", results.Select(r => r.PolicySet)),
            failed ? [] : [.. sortedObjects],
            failed ? [] : [.. sortedFiles],
            coverage,
            [.. diagnostics.OrderByDescending(d => d.Severity)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Subject, StringComparer.Ordinal)]);
    }

    // Objects of different policy sets that would land in the same file (same backend, kind, namespace, name).
    private static IEnumerable<PolicyDiagnostic> Collisions(IEnumerable<EmittedObject> objects) =>
        objects.GroupBy(o => $"{o.Backend}/{o.FileName}", StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g =>
            new PolicyDiagnostic(DiagnosticIds.ObjectNameCollision, DiagnosticSeverity.Error,
                string.Join(", ", g.Select(PolicySetOf).Distinct()),
                $"{g.First().Kind} '{g.First().Namespace}/{g.First().Name}'",
                "two policy sets emit an object with the same kind, namespace and name, so one would overwrite the other",
                "keep each workspace in one policy set, or rename a workspace or server"));

    private static string PolicySetOf(EmittedObject obj) =>
        obj.Body.Node("metadata")?.Node("labels")?[HangarLabels.PolicySet] as string ?? "?";
}
