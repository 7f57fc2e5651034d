using System.Collections.Immutable;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Rules;

/// <summary>Where an allow rule lets traffic go: address ranges, or one DNS name.</summary>
public sealed record EgressDestination
{
    private EgressDestination(ImmutableArray<IpCidr> cidrs, string? hostname)
    {
        Cidrs = cidrs;
        Hostname = hostname;
    }

    /// <summary>The ranges, sorted; empty for a hostname destination.</summary>
    public ImmutableArray<IpCidr> Cidrs { get; }

    /// <summary>The DNS name (a leading <c>*.</c> matches subdomains), or null for ranges.</summary>
    public string? Hostname { get; }

    /// <summary>True for a DNS-name destination.</summary>
    public bool IsHostname => Hostname is not null;

    /// <summary>A destination of address ranges.</summary>
    public static EgressDestination ForCidrs(IEnumerable<IpCidr> cidrs) => new([.. cidrs.Distinct().Order()], null);

    /// <summary>A destination of one DNS name.</summary>
    public static EgressDestination ForHostname(string hostname) => new([], hostname);

    /// <inheritdoc />
    public bool Equals(EgressDestination? other) =>
        other is not null && Hostname == other.Hostname && Cidrs.SequenceEqual(other.Cidrs);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Hostname ?? string.Join(",", Cidrs);
}
