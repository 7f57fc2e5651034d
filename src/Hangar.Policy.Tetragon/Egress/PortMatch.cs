using System.Collections.Immutable;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>
/// The protocol and port part of a connect selector: which protocols (none listed: any), and which ports match
/// (none listed: any) or, when <paramref name="NotPorts"/>, which ports do not.
/// </summary>
internal sealed record PortMatch(ImmutableArray<Protocol> Protocols, ImmutableArray<string> Ports, bool NotPorts)
{
    /// <summary>Every protocol, every port.</summary>
    public static PortMatch Any { get; } = new([], [], false);

    private static readonly Protocol[] KnownProtocols = [Protocol.Tcp, Protocol.Udp, Protocol.Sctp];

    /// <summary>A stable text key, for grouping selectors that match the same ports.</summary>
    public string Key => $"{string.Join(",", Protocols)}|{(NotPorts ? "!" : "")}{string.Join(",", Ports)}";

    /// <summary>The matches that together select exactly <paramref name="ports"/>.</summary>
    public static IEnumerable<PortMatch> Selecting(PortSet ports)
    {
        if (ports.IsAny)
            return [Any];
        return ports.Ranges.GroupBy(r => r.Protocol)
            .Select(g => (Protocol: g.Key, Ports: g.Select(Text).ToImmutableArray()))
            .GroupBy(p => string.Join(",", p.Ports), StringComparer.Ordinal)
            .Select(g => new PortMatch([.. g.Select(p => p.Protocol).Order()], g.First().Ports, false));
    }

    /// <summary>
    /// The matches that together select <paramref name="ports"/> minus DNS (TCP and UDP port 53); for every port
    /// this is any port but 53, and SCTP on any port.
    /// </summary>
    public static IEnumerable<PortMatch> SelectingAllButDns(PortSet ports)
    {
        if (ports.IsAny)
            return [new PortMatch([], ["53"], true), new PortMatch([Protocol.Sctp], [], false)];
        var kept = ports.Ranges.SelectMany(r => r.Protocol is Protocol.Tcp or Protocol.Udp ? Without53(r) : [r]).ToList();
        return kept.Count == 0 ? [] : Selecting(PortSet.Of(kept));
    }

    /// <summary>
    /// The matches that together select every connection outside <paramref name="allowed"/> (which is not
    /// <see cref="PortSet.Any"/>): a port no allowed range names, or a protocol on a port its own ranges do not name.
    /// </summary>
    public static IEnumerable<PortMatch> SelectingOutside(PortSet allowed)
    {
        var numbers = allowed.Ranges.OrderBy(r => r.From).ThenBy(r => r.To).Select(Text)
            .Distinct(StringComparer.Ordinal).ToImmutableArray();
        yield return new PortMatch([], numbers, true);

        var perProtocol = KnownProtocols
            .Select(p => (Protocol: p, Ports: allowed.Ranges.Where(r => r.Protocol == p).Select(Text).ToImmutableArray()))
            .Where(p => !p.Ports.SequenceEqual(numbers))
            .GroupBy(p => string.Join(",", p.Ports), StringComparer.Ordinal);
        foreach (var group in perProtocol)
            yield return new PortMatch([.. group.Select(p => p.Protocol)], group.First().Ports, true);
    }

    private static IEnumerable<PortRange> Without53(PortRange range)
    {
        if (range.From > 53 || range.To < 53)
            return [range];
        var parts = new List<PortRange>();
        if (range.From < 53)
            parts.Add(range with { To = 52 });
        if (range.To > 53)
            parts.Add(range with { From = 54 });
        return parts;
    }

    private static string Text(PortRange range) => range.IsSinglePort ? $"{range.From}" : $"{range.From}:{range.To}";
}
