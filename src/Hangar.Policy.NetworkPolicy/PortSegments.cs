using Hangar.Policy.Model;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>
/// Cuts the TCP, UDP and SCTP port space at every boundary the given port sets name, so that each piece lies
/// wholly inside or wholly outside every one of them.
/// </summary>
internal static class PortSegments
{
    /// <summary>The protocols NetworkPolicy ports can name, in output order.</summary>
    public static IReadOnlyList<Protocol> Protocols { get; } = [Protocol.Tcp, Protocol.Udp, Protocol.Sctp];

    /// <summary>The pieces, in protocol then port order; empty when every set is <see cref="PortSet.Any"/>.</summary>
    public static IReadOnlyList<PortRange> Split(IEnumerable<PortSet> sets)
    {
        var ranges = sets.Where(s => !s.IsAny).SelectMany(s => s.Ranges).ToList();
        if (ranges.Count == 0)
            return [];

        var pieces = new List<PortRange>();
        foreach (var protocol in Protocols)
        {
            var cuts = new SortedSet<int> { 1, 65536 };
            foreach (var range in ranges.Where(r => r.Protocol == protocol))
            {
                cuts.Add(range.From);
                cuts.Add(range.To + 1);
            }
            var bounds = cuts.ToList();
            for (var i = 0; i + 1 < bounds.Count; i++)
                pieces.Add(new PortRange(protocol, bounds[i], bounds[i + 1] - 1));
        }
        return pieces;
    }

    /// <summary>True when <paramref name="set"/> covers <paramref name="piece"/> (a piece never straddles a set's edge).</summary>
    public static bool Covers(PortSet set, PortRange piece) =>
        set.IsAny || set.Ranges.Any(r => r.Protocol == piece.Protocol && r.From <= piece.From && r.To >= piece.To);

    /// <summary>Joins adjacent pieces of the same protocol into ranges.</summary>
    public static IReadOnlyList<PortRange> Merge(IEnumerable<PortRange> pieces)
    {
        var merged = new List<PortRange>();
        foreach (var piece in pieces.Order())
        {
            if (merged.Count > 0 && merged[^1].Protocol == piece.Protocol && merged[^1].To + 1 == piece.From)
                merged[^1] = merged[^1] with { To = piece.To };
            else
                merged.Add(piece);
        }
        return merged;
    }
}
