using NuGet.Versioning;

namespace Hangar.Policy.Compilation;

/// <summary>
/// Which engine versions a backend supports, the version it targets by default, and which features need which
/// versions. A backend consults it to choose constructs, fall back, or report a gap.
/// </summary>
public sealed class EngineFeatureTable
{
    private readonly Dictionary<string, EngineFeature> _features;

    /// <summary>Creates the table.</summary>
    /// <param name="engine">The engine's display name, e.g. <c>Tetragon</c>.</param>
    /// <param name="defaultVersion">The version targeted when the user names none.</param>
    /// <param name="supported">The versions the backend can emit for at all.</param>
    /// <param name="features">The version-dependent features.</param>
    public EngineFeatureTable(string engine, NuGetVersion defaultVersion, VersionRange supported, IEnumerable<EngineFeature> features)
    {
        Engine = engine;
        DefaultVersion = defaultVersion;
        Supported = supported;
        _features = features.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The engine's display name.</summary>
    public string Engine { get; }

    /// <summary>The version targeted when none is given.</summary>
    public NuGetVersion DefaultVersion { get; }

    /// <summary>The versions the backend can emit for.</summary>
    public VersionRange Supported { get; }

    /// <summary>The features, by name.</summary>
    public IReadOnlyCollection<EngineFeature> Features => _features.Values;

    /// <summary>True when <paramref name="version"/> has <paramref name="feature"/>; throws for an unknown feature name.</summary>
    public bool Supports(string feature, NuGetVersion version) => this[feature].Versions.Satisfies(version);

    /// <summary>The feature called <paramref name="feature"/>.</summary>
    public EngineFeature this[string feature] =>
        _features.TryGetValue(feature, out var f) ? f : throw new KeyNotFoundException($"{Engine} has no feature named '{feature}'");
}
