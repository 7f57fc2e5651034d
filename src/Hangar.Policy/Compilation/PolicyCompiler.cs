using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Compilation;

/// <summary>
/// Compiles a <see cref="PolicySet"/> for the selected backends: validate, resolve against the cluster facts,
/// let each backend emit, merge the coverage matrix. Any error anywhere means no objects at all. The same
/// input always gives the same objects in the same order.
/// </summary>
public static class PolicyCompiler
{
    /// <summary>Compiles <paramref name="set"/> with <paramref name="options"/>.</summary>
    public static CompilationResult Compile(PolicySet set, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);

        var diagnostics = new List<PolicyDiagnostic>(PolicyValidator.Validate(set, options.Cluster));
        var resolved = PolicyResolver.Resolve(set, options.Cluster, diagnostics);

        var objects = new List<EmittedObject>();
        var files = new List<EmittedFile>();
        var coverage = new List<CoverageEntry>();
        var backendNames = new List<string>();
        foreach (var backend in options.Backends)
        {
            backendNames.Add(backend.Name);
            var version = options.EngineVersions.TryGetValue(backend.Name, out var v) ? v : backend.Features.DefaultVersion;
            if (!backend.Features.Supported.Satisfies(version))
            {
                diagnostics.Add(new PolicyDiagnostic(DiagnosticIds.EngineVersionTooOld, DiagnosticSeverity.Error,
                    set.Name, $"engine '{backend.Name}'",
                    $"{backend.Features.Engine} {version} is outside the versions this backend emits for "
                        + $"({backend.Features.Supported.PrettyPrint()})",
                    $"target a version in {backend.Features.Supported.PrettyPrint()}, or drop '{backend.Name}' from the engines"));
                continue;
            }

            var output = backend.Compile(new BackendContext(resolved, options.Cluster, version));
            objects.AddRange(output.Objects);
            files.AddRange(output.Files);
            coverage.AddRange(output.Coverage);
            diagnostics.AddRange(output.Diagnostics);
        }

        var matrix = CoverageMatrix.Create(resolved.AllRules.Select(r => r.Id), backendNames, coverage);
        if (backendNames.Count > 0)
            diagnostics.AddRange(NotEnforcedWarnings(set.Name, matrix));
        diagnostics.AddRange(DuplicateObjects(set.Name, objects));

        var ordered = diagnostics.OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Subject, StringComparer.Ordinal).ToImmutableArray();
        var failed = ordered.Any(d => d.IsError);
        var backendOrder = backendNames.Select((name, index) => (name, index))
            .ToDictionary(p => p.name, p => p.index, StringComparer.OrdinalIgnoreCase);
        return new CompilationResult(
            set.Name,
            failed ? [] : [.. objects.OrderBy(o => backendOrder.GetValueOrDefault(o.Backend)).ThenBy(o => o.Kind, StringComparer.Ordinal)
                .ThenBy(o => o.Namespace ?? "", StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)],
            failed ? [] : [.. files.OrderBy(f => backendOrder.GetValueOrDefault(f.Backend))
                .ThenBy(f => f.FileName, StringComparer.Ordinal)],
            matrix,
            ordered);
    }

    // A rule counts as enforced only where some engine covers all of it (enforced, or widened to a larger scope).
    // A partial answer leaves traffic the rule names unblocked, so a rule that is at best partial is still warned of.
    private static IEnumerable<PolicyDiagnostic> NotEnforcedWarnings(string policy, CoverageMatrix matrix) =>
        matrix.Entries.GroupBy(e => e.RuleId)
            .Where(g => !g.Any(e => e.Status is CoverageStatus.Enforced or CoverageStatus.Widened))
            .Select(g => new PolicyDiagnostic(DiagnosticIds.NotEnforced, DiagnosticSeverity.Warning, policy, $"rule '{g.Key}'",
                $"no selected engine fully enforces this rule ({string.Join("; ", g.Select(Answer))})",
                "add an engine that can enforce it (see docs/backends.md), or accept the gap knowingly"));

    private static string Answer(CoverageEntry entry) =>
        $"{entry.Backend}: {entry.Status.ToString().ToLowerInvariant()}, {entry.Reason}";

    private static IEnumerable<PolicyDiagnostic> DuplicateObjects(string policy, IEnumerable<EmittedObject> objects) =>
        objects.GroupBy(o => (o.ApiVersion, o.Kind, o.Namespace, o.Name)).Where(g => g.Count() > 1)
            .Select(g => new PolicyDiagnostic(DiagnosticIds.ObjectNameCollision, DiagnosticSeverity.Error, policy,
                $"{g.Key.Kind} '{g.Key.Namespace}/{g.Key.Name}'",
                "two emitted objects share kind, namespace and name, so one would overwrite the other",
                "rename a workspace or server so that their generated names differ"));
}
