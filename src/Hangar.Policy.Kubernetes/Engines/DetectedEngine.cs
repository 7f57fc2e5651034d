using NuGet.Versioning;

namespace Hangar.Policy.Kubernetes.Engines;

/// <summary>What detection found out about one engine.</summary>
/// <param name="Name">The backend name, e.g. <c>tetragon</c>.</param>
/// <param name="Present">True when the cluster serves the engine's API (and, for Falco, runs its workload).</param>
/// <param name="Version">The detected version, or null when it could not be told.</param>
/// <param name="Evidence">What the answer rests on, for people reading the report.</param>
public sealed record DetectedEngine(string Name, bool Present, NuGetVersion? Version, string Evidence)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {(Present ? "present" : "missing")}{(Version is null ? "" : $" {Version.ToNormalizedString()}")} ({Evidence})";
}
