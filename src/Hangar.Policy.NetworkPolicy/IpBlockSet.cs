using System.Collections.Immutable;
using Hangar.Policy.Networking;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>Turns "these ranges minus those ranges" into <c>ipBlock</c> peers, the only form NetworkPolicy has.</summary>
internal static class IpBlockSet
{
    /// <summary>IPv4 and IPv6 everything: what "no allowlist" allows before denies.</summary>
    public static ImmutableArray<IpCidr> Everything { get; } = [IpCidr.Parse("0.0.0.0/0"), IpCidr.Parse("::/0")];

    /// <summary>
    /// The blocks that allow exactly <paramref name="allowed"/> minus <paramref name="denied"/>. An allowed range
    /// that a denied range covers entirely disappears; a denied range inside an allowed one becomes an
    /// <c>except</c>, which is then always a strict subset of the block's range and of the same family.
    /// </summary>
    public static ImmutableArray<IpBlock> Subtract(IEnumerable<IpCidr> allowed, IEnumerable<IpCidr> denied)
    {
        var denies = Outermost(denied);
        var blocks = ImmutableArray.CreateBuilder<IpBlock>();
        foreach (var range in Outermost(allowed))
        {
            if (denies.Any(d => d.Contains(range)))
                continue;
            blocks.Add(new IpBlock(range, [.. denies.Where(range.Contains)]));
        }
        return blocks.ToImmutable();
    }

    /// <summary>The ranges without duplicates and without any range that another one contains, sorted.</summary>
    public static ImmutableArray<IpCidr> Outermost(IEnumerable<IpCidr> ranges)
    {
        var sorted = ranges.Distinct().Order().ToList();
        return [.. sorted.Where(r => !sorted.Any(o => !o.Equals(r) && o.Contains(r)))];
    }
}
