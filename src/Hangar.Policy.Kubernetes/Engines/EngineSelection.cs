using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using NuGet.Versioning;

namespace Hangar.Policy.Kubernetes.Engines;

/// <summary>
/// Which backends to compile for, given what the cluster has: a missing engine or one outside the versions its
/// backend supports is skipped with a warning, or is an error when the user required it. Detected versions
/// become the compiler's target versions.
/// </summary>
/// <param name="Backends">The backends kept, in the order given.</param>
/// <param name="EngineVersions">The detected version of each kept backend whose version could be told.</param>
/// <param name="Warnings">Backends skipped, and versions that could not be told.</param>
/// <param name="Errors">Required engines that are missing or too old; nothing may be applied when any exists.</param>
public sealed record EngineSelection(
    ImmutableArray<IPolicyBackend> Backends,
    ImmutableDictionary<string, NuGetVersion> EngineVersions,
    ImmutableArray<string> Warnings,
    ImmutableArray<string> Errors)
{
    /// <summary>True when no required engine is missing.</summary>
    public bool Succeeded => Errors.IsEmpty;

    /// <summary>Chooses among <paramref name="backends"/> by <paramref name="detection"/>.</summary>
    /// <param name="detection">What the cluster has.</param>
    /// <param name="backends">The backends the user selected.</param>
    /// <param name="required">Backend names that must be present (<c>--require</c>); others are skipped when missing.</param>
    public static EngineSelection Choose(EngineDetection detection, IEnumerable<IPolicyBackend> backends,
        IEnumerable<string>? required = null)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(backends);

        var mustHave = new HashSet<string>(required ?? [], StringComparer.OrdinalIgnoreCase);
        var kept = ImmutableArray.CreateBuilder<IPolicyBackend>();
        var versions = ImmutableDictionary.CreateBuilder<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var errors = ImmutableArray.CreateBuilder<string>();

        var selected = backends.ToList();
        foreach (var name in mustHave.Where(n => !selected.Exists(b => string.Equals(b.Name, n, StringComparison.OrdinalIgnoreCase))))
            errors.Add($"engine '{name}' is required but not among the selected engines; add it to the engines or drop --require {name}");

        foreach (var backend in selected)
        {
            var found = detection[backend.Name];
            var problem = Problem(backend, found);
            if (problem is null)
            {
                kept.Add(backend);
                if (found?.Version is { } version)
                    versions[backend.Name] = version;
                else
                    warnings.Add($"engine '{backend.Name}' version is unknown " +
                        $"({found?.Evidence ?? "detection does not know this engine"}); " +
                        $"targeting {backend.Features.Engine} {backend.Features.DefaultVersion.ToNormalizedString()}");
            }
            else if (mustHave.Contains(backend.Name))
            {
                errors.Add($"engine '{backend.Name}' is required but {problem}; install it, or drop --require {backend.Name}");
            }
            else
            {
                warnings.Add($"engine '{backend.Name}' skipped: {problem}; its rules are not applied to this cluster");
            }
        }
        return new EngineSelection(kept.ToImmutable(), versions.ToImmutable(), warnings.ToImmutable(), errors.ToImmutable());
    }

    /// <summary><paramref name="options"/> with these backends and target versions.</summary>
    public CompileOptions ApplyTo(CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { Backends = Backends, EngineVersions = options.EngineVersions.SetItems(EngineVersions) };
    }

    private static string? Problem(IPolicyBackend backend, DetectedEngine? found)
    {
        // An engine detection does not know (a third-party backend) is kept: it cannot be checked, only warned about.
        if (found is null)
            return null;
        if (!found.Present)
            return $"it is missing ({found.Evidence})";
        if (found.Version is { } version && !backend.Features.Supported.Satisfies(version))
        {
            return $"{backend.Features.Engine} {version.ToNormalizedString()} is outside the supported versions " +
                $"{backend.Features.Supported.PrettyPrint()} ({found.Evidence})";
        }
        return null;
    }
}
