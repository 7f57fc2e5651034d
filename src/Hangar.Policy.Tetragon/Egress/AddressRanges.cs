using System.Net;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>Set arithmetic on address ranges, so that exceptions are exact CIDR lists rather than extra operators.</summary>
internal static class AddressRanges
{
    /// <summary>
    /// Every IPv4-mapped IPv6 address (<c>::ffff:0:0/96</c>): an IPv6 socket reaches IPv4 address a.b.c.d through it.
    /// </summary>
    public static IpCidr IPv4Mapped { get; } = IpCidr.Create(IPAddress.Parse("::ffff:0:0"), 96);

    /// <summary>
    /// True when <paramref name="range"/> is an IPv6 range holding every IPv4-mapped address (such as ::/0), as
    /// opposed to the mapped mirror of an IPv4 range.
    /// </summary>
    public static bool HoldsIPv4Mapped(IpCidr range) => !range.IsIPv4 && range.Contains(IPv4Mapped);

    /// <summary>
    /// <paramref name="range"/> without any IPv4-mapped address: an IPv6 allow must not admit IPv4 destinations
    /// that the IPv4 allows do not admit.
    /// </summary>
    public static IReadOnlyList<IpCidr> WithoutIPv4Mapped(IpCidr range) =>
        !range.IsIPv4 && range.Overlaps(IPv4Mapped) ? Subtract([range], [IPv4Mapped]) : [range];

    /// <summary>The ranges of <paramref name="ranges"/> with every range of <paramref name="removed"/> cut out.</summary>
    public static IReadOnlyList<IpCidr> Subtract(IEnumerable<IpCidr> ranges, IEnumerable<IpCidr> removed)
    {
        var cuts = removed.ToList();
        var result = new List<IpCidr>();
        foreach (var range in ranges)
            Cut(range, cuts, result);
        return Minimal(result);
    }

    /// <summary>The same addresses with ranges inside other ranges dropped, sorted.</summary>
    public static IReadOnlyList<IpCidr> Minimal(IEnumerable<IpCidr> ranges)
    {
        var sorted = ranges.Distinct().Order().ToList();
        return [.. sorted.Where(r => !sorted.Any(o => !o.Equals(r) && o.Contains(r)))];
    }

    /// <summary>The IPv4-mapped IPv6 form of every IPv4 range, added after the ranges themselves.</summary>
    public static IReadOnlyList<IpCidr> WithIPv4Mapped(IEnumerable<IpCidr> ranges)
    {
        var list = Minimal(ranges);
        return [.. list, .. list.Where(r => r.IsIPv4).Select(r => r.ToIPv4Mapped())];
    }

    private static void Cut(IpCidr range, List<IpCidr> cuts, List<IpCidr> result)
    {
        if (cuts.Any(c => c.Contains(range)))
            return;
        if (!cuts.Any(range.Overlaps))
        {
            result.Add(range);
            return;
        }

        // A cut lies strictly inside the range: keep both halves minus what they hold.
        var (low, high) = Halves(range);
        Cut(low, cuts, result);
        Cut(high, cuts, result);
    }

    private static (IpCidr Low, IpCidr High) Halves(IpCidr range)
    {
        var prefix = range.PrefixLength + 1;
        var bytes = range.AddressBytes.ToArray();
        var low = IpCidr.Create(new IPAddress(bytes), prefix);
        bytes[range.PrefixLength / 8] |= (byte)(0x80 >> (range.PrefixLength % 8));
        var high = IpCidr.Create(new IPAddress(bytes), prefix);
        return (low, high);
    }
}
