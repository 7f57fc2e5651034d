using System.Collections.Immutable;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Compilation;

/// <summary>
/// What the compiler must know about the cluster. Every fact is an input, never guessed: a rule that needs a
/// missing fact is an error (HANGAR0204) naming the fact to set.
/// </summary>
public sealed record ClusterFacts
{
    /// <summary>No facts at all.</summary>
    public static ClusterFacts None { get; } = new();

    /// <summary>The pod ranges; needed by DenyClusterInternal and DenyLateral. Default: none.</summary>
    public ImmutableArray<IpCidr> PodCidrs { get; init; } = [];

    /// <summary>The service (ClusterIP) ranges; needed by DenyClusterInternal. Default: none.</summary>
    public ImmutableArray<IpCidr> ServiceCidrs { get; init; } = [];

    /// <summary>The Kubernetes API endpoints (ClusterIP and EndpointSlice addresses); denied by DenyClusterInternal.
    /// Default: none.</summary>
    public ImmutableArray<IpCidr> KubernetesApi { get; init; } = [];

    /// <summary>Cluster DNS; needed wherever egress is restricted to keep DNS working. Default: null (not given).</summary>
    public DnsService? Dns { get; init; }

    /// <summary>The node-local DNS cache address (often 169.254.20.10), carved out of link-local denies. Default: null.</summary>
    public IpCidr? NodeLocalDns { get; init; }

    /// <summary>The cloud providers the cluster runs on; informational, shown in reports. Default: none.</summary>
    public ImmutableArray<string> CloudProviders { get; init; } = [];

    /// <summary>The corporate ranges; needed by DenyCorporateNetwork. Default: none.</summary>
    public ImmutableArray<IpCidr> CorporateRanges { get; init; } = [];
}
