using System.Collections.Immutable;

namespace Hangar.Policy.Kubernetes.Engines;

/// <summary>What <see cref="EngineDetector"/> found, one entry per known engine.</summary>
/// <param name="Engines">NetworkPolicy, Tetragon, KubeArmor and Falco, in that order.</param>
public sealed record EngineDetection(ImmutableArray<DetectedEngine> Engines)
{
    /// <summary>The entry for <paramref name="name"/>, or null for an engine detection does not know.</summary>
    public DetectedEngine? this[string name] =>
        Engines.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}
