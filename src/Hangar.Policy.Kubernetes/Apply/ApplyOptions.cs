using System.Collections.Immutable;

namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>How to apply a compiled policy set.</summary>
public sealed record ApplyOptions
{
    /// <summary>The field manager server-side apply records. Default: <c>hangar-policy</c>.</summary>
    public string FieldManager { get; init; } = "hangar-policy";

    /// <summary>Send every write with <c>dryRun=All</c>: the API server checks it and stores nothing. Default: false.</summary>
    public bool DryRun { get; init; }

    /// <summary>Delete objects of this policy set that the compilation no longer emits. Default: false.</summary>
    public bool Prune { get; init; }

    /// <summary>Take over fields other field managers own instead of reporting a conflict. Default: false.</summary>
    public bool ForceConflicts { get; init; }

    /// <summary>How many objects are worked on at once. Default: 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// The types prune looks at, as (apiVersion, kind), besides the types the compilation emits; unserved ones are
    /// ignored. Default: every type a Hangar.Policy backend emits.
    /// </summary>
    public ImmutableArray<(string ApiVersion, string Kind)> PruneTypes { get; init; } =
    [
        ("networking.k8s.io/v1", "NetworkPolicy"),
        ("cilium.io/v1alpha1", "TracingPolicy"),
        ("cilium.io/v1alpha1", "TracingPolicyNamespaced"),
        ("security.kubearmor.com/v1", "KubeArmorPolicy"),
        ("v1", "ConfigMap"),
    ];
}
