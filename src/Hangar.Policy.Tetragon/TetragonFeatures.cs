using Hangar.Policy.Compilation;
using NuGet.Versioning;

namespace Hangar.Policy.Tetragon;

/// <summary>
/// The Tetragon features the backend depends on, each with the first release that has it, and the versions the
/// backend emits for. Feature names are the keys of <see cref="Table"/>.
/// </summary>
public static class TetragonFeatures
{
    /// <summary>Sigkill, Override and Prefix/Postfix matchArgs (present by v0.8.0).</summary>
    public const string SigkillOverride = "sigkill-override";
    /// <summary>The namespaced TracingPolicyNamespaced kind and InMap.</summary>
    public const string NamespacedPolicies = "tracing-policy-namespaced";
    /// <summary>podSelector, the Signal action, and SAddr/DAddr/DPort on sock and skb arguments.</summary>
    public const string PodSelector = "pod-selector";
    /// <summary>NotDAddr, Family, State and IPv6 addresses and CIDRs.</summary>
    public const string IPv6Addresses = "ipv6-addresses";
    /// <summary>Policy <c>options</c> and Override on <c>security_*</c> functions through fmod_ret.</summary>
    public const string Options = "options";
    /// <summary>containerSelector, NotifyEnforcer with enforcers, and matchBinaries Prefix.</summary>
    public const string NotifyEnforcer = "notify-enforcer";
    /// <summary>lsmhooks, matchBinaries followChildren and Postfix.</summary>
    public const string FollowChildren = "follow-children";
    /// <summary>The <c>sockaddr</c> and <c>socket</c> argument types (security_socket_connect) and policy-mode.</summary>
    public const string SockaddrArguments = "sockaddr-arguments";
    /// <summary>IPv4-mapped IPv6 values matched in the IPv6 map, and NotSAddr/NotDAddr true for an unlisted family.</summary>
    public const string IPv4MappedValues = "ipv4-mapped-values";
    /// <summary>matchData and InRange.</summary>
    public const string MatchData = "match-data";
    /// <summary>hostSelector, matchParentBinaries, CelExpr, SubString, Override on security_* without KPROBE_OVERRIDE.</summary>
    public const string ParentBinaries = "parent-binaries";
    /// <summary>nodeSelector and matchWorkloads (unreleased).</summary>
    public const string NodeSelector = "node-selector";

    /// <summary>The version targeted when none is given: the latest release the backend was checked against.</summary>
    public static NuGetVersion DefaultVersion { get; } = NuGetVersion.Parse("1.7.0");

    /// <summary>
    /// The versions the backend emits for: v1.0.0 (the first stable release, with policy options) up to, not
    /// including, v2.0.0. Before v1.4.0 connections are blocked at <c>tcp_connect</c> only (TCP).
    /// </summary>
    public static VersionRange Supported { get; } = VersionRange.Parse("[1.0.0, 2.0.0)");

    /// <summary>The feature table.</summary>
    public static EngineFeatureTable Table { get; } = new("Tetragon", DefaultVersion, Supported,
    [
        Feature(SigkillOverride, "0.8.0", "Sigkill and Override actions, Prefix/Postfix matchArgs"),
        Feature(NamespacedPolicies, "0.9.0", "TracingPolicyNamespaced, InMap"),
        Feature(PodSelector, "0.10.0", "podSelector, Signal, SAddr/DAddr/DPort on sock and skb"),
        Feature(IPv6Addresses, "0.11.0", "NotDAddr, Family, State, IPv6 addresses and CIDRs"),
        Feature(Options, "1.0.0", "policy options; Override on security_* through fmod_ret"),
        Feature(NotifyEnforcer, "1.1.0", "containerSelector, NotifyEnforcer and enforcers, matchBinaries Prefix"),
        Feature(FollowChildren, "1.2.0", "lsmhooks, matchBinaries followChildren and Postfix"),
        Feature(SockaddrArguments, "1.4.0", "sockaddr and socket argument types, policy-mode option"),
        Feature(IPv4MappedValues, "1.5.0", "IPv4-mapped values in the IPv6 map; NotSAddr/NotDAddr across families"),
        Feature(MatchData, "1.6.0", "matchData, InRange"),
        Feature(ParentBinaries, "1.7.0",
            "hostSelector, matchParentBinaries, CelExpr, SubString, security_* Override without KPROBE_OVERRIDE"),
        Feature(NodeSelector, "1.8.0-pre.0", "nodeSelector, matchWorkloads (unreleased main)"),
    ]);

    private static EngineFeature Feature(string name, string firstVersion, string description) =>
        new(name, new VersionRange(NuGetVersion.Parse(firstVersion)), description);
}
