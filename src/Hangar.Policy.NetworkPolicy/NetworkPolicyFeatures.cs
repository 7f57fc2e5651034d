using Hangar.Policy.Compilation;
using NuGet.Versioning;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// The Kubernetes versions the NetworkPolicy backend emits for, and the constructs that need a given version.
/// </summary>
/// <remarks>
/// The default target is Kubernetes 1.30, which has every construct this backend uses. Older targets (down to
/// 1.19) fall back to stricter output and say so in the coverage matrix: without <see cref="EndPort"/> port
/// ranges longer than a few ports are left out (that traffic stays blocked), without <see cref="Sctp"/> SCTP
/// ports are left out, and without <see cref="NamespaceNameLabel"/> a warning asks for the DNS namespace's label.
/// </remarks>
public static class NetworkPolicyFeatures
{
    /// <summary><c>endPort</c> on a NetworkPolicy port: a range in one entry (GA in Kubernetes 1.25).</summary>
    public const string EndPort = "endport";

    /// <summary>The SCTP protocol in NetworkPolicy ports (GA in Kubernetes 1.20).</summary>
    public const string Sctp = "sctp";

    /// <summary>The automatic <c>kubernetes.io/metadata.name</c> namespace label (GA in Kubernetes 1.22).</summary>
    public const string NamespaceNameLabel = "namespace-name-label";

    /// <summary>The version targeted when the user names none: 1.30.</summary>
    public static NuGetVersion DefaultVersion { get; } = new(1, 30, 0);

    /// <summary>The feature table: supported from Kubernetes 1.19 on.</summary>
    public static EngineFeatureTable Table { get; } = new(
        "Kubernetes",
        DefaultVersion,
        VersionRange.Parse("[1.19.0, )"),
        [
            new EngineFeature(EndPort, VersionRange.Parse("[1.25.0, )"),
                "port ranges with endPort in NetworkPolicy egress ports"),
            new EngineFeature(Sctp, VersionRange.Parse("[1.20.0, )"),
                "SCTP as a NetworkPolicy port protocol"),
            new EngineFeature(NamespaceNameLabel, VersionRange.Parse("[1.22.0, )"),
                "namespaces labelled kubernetes.io/metadata.name=<name> automatically"),
        ]);
}
