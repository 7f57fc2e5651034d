namespace Hangar.Policy.Rules;

/// <summary>
/// Forbids connections to the cluster's pod and service ranges and to the Kubernetes API, all taken from
/// <see cref="Compilation.ClusterFacts"/>. Cluster DNS stays reachable.
/// </summary>
public sealed record DenyClusterInternalRule : EgressDenyRule
{
    /// <inheritdoc />
    public override string Intent => "deny-cluster-internal";

    /// <inheritdoc />
    public override string Describe() => "deny cluster-internal traffic (pod and service ranges, Kubernetes API), DNS kept";
}
