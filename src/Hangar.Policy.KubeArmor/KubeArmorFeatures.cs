using Hangar.Policy.Compilation;
using NuGet.Versioning;

namespace Hangar.Policy.KubeArmor;

/// <summary>The KubeArmor versions the backend emits for, and the constructs that need a given version.</summary>
/// <remarks>
/// The default target is 1.7.4. Before 1.5.0 <c>matchProtocols</c> knows only tcp, udp, icmp and raw, so an ICMPv6
/// or SCTP socket rule is reported unsupported there.
/// </remarks>
public static class KubeArmorFeatures
{
    /// <summary>icmpv6, sctp and the socket-type protocols in <c>matchProtocols</c> (1.5.0).</summary>
    public const string ExtendedProtocols = "extended-protocols";

    /// <summary>KubeArmorClusterPolicy, selecting by namespace (1.4.0).</summary>
    public const string ClusterPolicy = "cluster-policy";

    /// <summary><c>matchDNSQueries</c> on BPF-LSM nodes (1.7.0).</summary>
    public const string DnsQueries = "dns-queries";

    /// <summary>The version targeted when the user names none: 1.7.4.</summary>
    public static NuGetVersion DefaultVersion { get; } = new(1, 7, 4);

    /// <summary>The feature table: KubeArmor 1.0 up to (not including) 2.0.</summary>
    public static EngineFeatureTable Table { get; } = new(
        "KubeArmor",
        DefaultVersion,
        VersionRange.Parse("[1.0.0, 2.0.0)"),
        [
            new EngineFeature(ExtendedProtocols, VersionRange.Parse("[1.5.0, )"), "icmpv6 and sctp in network.matchProtocols"),
            new EngineFeature(ClusterPolicy, VersionRange.Parse("[1.4.0, )"), "KubeArmorClusterPolicy with namespace selectors"),
            new EngineFeature(DnsQueries, VersionRange.Parse("[1.7.0, )"), "network.matchDNSQueries (BPF-LSM enforcer only)"),
        ]);
}
