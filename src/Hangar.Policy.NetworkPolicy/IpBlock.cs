using System.Collections.Immutable;
using Hangar.Policy.Networking;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>One <c>ipBlock</c> peer: a range and the strict sub-ranges cut out of it.</summary>
/// <param name="Cidr">The allowed range.</param>
/// <param name="Except">Disjoint ranges strictly inside <paramref name="Cidr"/>, sorted.</param>
internal sealed record IpBlock(IpCidr Cidr, ImmutableArray<IpCidr> Except)
{
    /// <summary>A stable text form, for grouping equal allowances.</summary>
    public override string ToString() => Except.IsEmpty ? Cidr.ToString() : $"{Cidr} except {string.Join(",", Except)}";
}
