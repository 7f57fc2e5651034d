using System.Collections.Immutable;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Compilation;

/// <summary>Where cluster DNS runs: the namespace and labels of its pods, and its service address.</summary>
/// <param name="Namespace">The namespace of the DNS pods.</param>
/// <param name="PodLabels">The labels of the DNS pods.</param>
/// <param name="ServiceAddress">The ClusterIP of the DNS service, which socket-level engines see before it is
/// rewritten; null when unknown.</param>
public sealed record DnsService(string Namespace, ImmutableSortedDictionary<string, string> PodLabels, IpCidr? ServiceAddress = null)
{
    /// <summary>The usual kube-dns/CoreDNS deployment: namespace kube-system, pods labelled k8s-app=kube-dns.</summary>
    public static DnsService KubeDns(string? serviceAddress = null) =>
        new("kube-system", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [new KeyValuePair<string, string>("k8s-app", "kube-dns")]),
            serviceAddress is null ? null : IpCidr.Parse(serviceAddress));
}
