using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>
/// A kernel function that sees outgoing connections, and how to write a <see cref="ConnectMatch"/> for it.
/// </summary>
internal sealed class ConnectHook
{
    private readonly int _addressIndex;
    private readonly int _protocolIndex;
    private readonly string _side;

    private ConnectHook(HookCall call, int addressIndex, int protocolIndex, string side, MatchAction block, bool tcpOnly)
    {
        Call = call;
        _addressIndex = addressIndex;
        _protocolIndex = protocolIndex;
        _side = side;
        Block = block;
        TcpOnly = tcpOnly;
    }

    /// <summary>
    /// The LSM hook every connect() passes (TCP, UDP, SCTP, IPv4 and IPv6), before any socket-level load balancer
    /// rewrites the address. On its <c>sockaddr</c> argument the destination is matched with the S-operators.
    /// </summary>
    public static ConnectHook SocketConnect { get; } = new(
        new HookCall("security_socket_connect", [(0, "socket"), (1, "sockaddr")], OverrideNeedsSingleKprobes: true),
        addressIndex: 1, protocolIndex: 0, side: "S", MatchAction.OverrideEperm, tcpOnly: false);

    /// <summary>
    /// The fallback for Tetragon before v1.4.0: TCP connections only, after the address was rewritten, and
    /// tcp_connect cannot be overridden, so the process is killed.
    /// </summary>
    public static ConnectHook TcpConnect { get; } = new(
        new HookCall("tcp_connect", [(0, "sock")], OverrideNeedsSingleKprobes: false),
        addressIndex: 0, protocolIndex: 0, side: "D", MatchAction.Sigkill, tcpOnly: true);

    public HookCall Call { get; }

    /// <summary>The action that stops a matching connection.</summary>
    public MatchAction Block { get; }

    /// <summary>True when the hook sees TCP connections only.</summary>
    public bool TcpOnly { get; }

    /// <summary>
    /// The selector for <paramref name="match"/>, or null when the hook cannot see any connection it describes
    /// (a UDP-only match on a TCP-only hook).
    /// </summary>
    /// <param name="match">What to match.</param>
    /// <param name="binaries">The binary filter, or null for every process of the pod.</param>
    /// <param name="action">What to do on a match.</param>
    /// <param name="ipv4Mapped">Whether the engine matches IPv4-mapped values (v1.5.0 and later).</param>
    public HookSelector? Selector(ConnectMatch match, MatchBinaries? binaries, MatchAction action, bool ipv4Mapped)
    {
        var protocols = match.Ports.Protocols;
        if (TcpOnly && !protocols.IsEmpty)
        {
            if (!protocols.Contains(Protocol.Tcp))
                return null;
            protocols = [];
        }

        var args = ImmutableArray.CreateBuilder<MatchArg>();
        if (!protocols.IsEmpty)
            args.Add(new MatchArg(_protocolIndex, "Protocol", [.. protocols.SelectMany(ProtocolValues)]));
        if (match.Outside)
        {
            // Without a family filter an AF_UNIX connect() would count as "outside" and be blocked.
            args.Add(new MatchArg(_addressIndex, "Family", ["AF_INET", "AF_INET6"]));
        }
        var values = Values(match.Destinations, ipv4Mapped, padFamilies: match.Outside && !ipv4Mapped,
            everyMappedAddress: !match.Outside && !ipv4Mapped);
        if (!values.IsEmpty)
            args.Add(new MatchArg(_addressIndex, (match.Outside ? "Not" : "") + _side + "Addr", values));
        if (!match.Ports.Ports.IsEmpty)
            args.Add(new MatchArg(_addressIndex, (match.Ports.NotPorts ? "Not" : "") + _side + "Port", match.Ports.Ports));
        return new HookSelector(args.ToImmutable(), binaries, [action]);
    }

    // Before v1.5.0 a Not-operator is false for a family it has no values for, so a list with IPv4 values only
    // lets every IPv6 connection through. A discard-only range of the missing family closes that hole.
    private static readonly IpCidr IPv4Pad = IpCidr.Parse("192.0.2.0/24");
    private static readonly IpCidr IPv6Pad = IpCidr.Parse("100::/64");

    // Before v1.5.0 no IPv4-mapped value can be listed, so a deny of an IPv4 range would let an IPv6 socket through
    // as ::ffff:a.b.c.d. The stricter stand-in denies every mapped address: ::fffe:0:0/95 holds ::ffff:0:0/96, and
    // its own first address is not IPv4-mapped, so the engine files it in the IPv6 map.
    private static readonly IpCidr EveryIPv4MappedAddress = IpCidr.Parse("::fffe:0:0/95");

    private static ImmutableArray<string> Values(ImmutableArray<IpCidr> destinations, bool ipv4Mapped, bool padFamilies,
        bool everyMappedAddress)
    {
        var ranges = ipv4Mapped ? AddressRanges.WithIPv4Mapped(destinations) : AddressRanges.Minimal(destinations);
        if (everyMappedAddress && ranges.Any(r => r.IsIPv4))
            ranges = [.. ranges, EveryIPv4MappedAddress];
        if (padFamilies && !ranges.Any(r => r.IsIPv4))
            ranges = [IPv4Pad, .. ranges];
        if (padFamilies && ranges.All(r => r.IsIPv4))
            ranges = [.. ranges, IPv6Pad];
        return [.. ranges.Select(r => r.ToString())];
    }

    // An MPTCP socket (IPPROTO_MPTCP, 262) is TCP on the wire but carries its own sk_protocol, so TCP matches it too.
    // Written as a number, which the Protocol operator parses whatever protocol names a Tetragon version knows.
    private static IEnumerable<string> ProtocolValues(Protocol protocol) => protocol == Protocol.Tcp
        ? ["IPPROTO_TCP", MptcpProtocol]
        : [$"IPPROTO_{protocol.ToString().ToUpperInvariant()}"];

    /// <summary>IPPROTO_MPTCP, the sk_protocol of a Multipath TCP socket.</summary>
    internal const string MptcpProtocol = "262";
}
