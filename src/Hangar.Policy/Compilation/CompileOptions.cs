using System.Collections.Immutable;
using NuGet.Versioning;

namespace Hangar.Policy.Compilation;

/// <summary>What to compile for: the backends, the cluster, and the engine versions to target.</summary>
public sealed record CompileOptions
{
    /// <summary>The backends to emit for, in order. Default: none (compiles and validates only).</summary>
    public ImmutableArray<IPolicyBackend> Backends { get; init; } = [];

    /// <summary>Facts about the target cluster. Default: <see cref="ClusterFacts.None"/>.</summary>
    public ClusterFacts Cluster { get; init; } = ClusterFacts.None;

    /// <summary>
    /// The engine versions to target, by backend name (e.g. <c>tetragon</c> → 1.5.0). A backend without an
    /// entry targets its own documented default version. Default: empty.
    /// </summary>
    public ImmutableDictionary<string, NuGetVersion> EngineVersions { get; init; } =
        ImmutableDictionary<string, NuGetVersion>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
}
