namespace Hangar.Policy.Kubernetes.Engines;

/// <summary>How one engine is recognised in a cluster.</summary>
/// <param name="Name">The backend name.</param>
/// <param name="Crd">The CRD whose presence means the engine's API is installed, or null (Falco has none).</param>
/// <param name="WorkloadSelector">The label selector of the engine's DaemonSet, whose image tag gives the version.</param>
/// <param name="SchemaVersionLabel">A CRD label carrying a schema version to fall back on, or null.</param>
public sealed record EngineProbe(string Name, string? Crd, string WorkloadSelector, string? SchemaVersionLabel)
{
    /// <summary>The engines Hangar.Policy emits for, except NetworkPolicy, which is part of the Kubernetes API.</summary>
    public static IReadOnlyList<EngineProbe> Known { get; } =
    [
        new("tetragon", "tracingpolicies.cilium.io", "app.kubernetes.io/name=tetragon", "io.cilium.k8s.crd.schema.version"),
        new("kubearmor", "kubearmorpolicies.security.kubearmor.com", "kubearmor-app=kubearmor", null),
        new("falco", null, "app.kubernetes.io/name=falco", null),
    ];
}
