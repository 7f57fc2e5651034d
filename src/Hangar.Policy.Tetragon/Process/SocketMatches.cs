using System.Collections.Immutable;
using Hangar.Policy.Rules;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Process;

/// <summary>
/// The <c>security_socket_create</c> arguments (0 family, 1 type, 2 protocol, 3 kern) that make a socket of one
/// <see cref="SocketProtocol"/>. Each array is one selector's matchArgs (AND); the arrays are OR'd. Where the kernel
/// picks the protocol for protocol 0, 0 is listed too; where a kind is ambiguous the match is the stricter one.
/// Only sockets a program asks for (kern 0) are matched: sockets the kernel opens for itself are left alone.
/// </summary>
internal static class SocketMatches
{
    private const string Inet = "2";
    private const string Inet6 = "10";
    private const string Packet = "17";
    private const string Stream = "1";
    private const string Datagram = "2";
    private const string RawType = "3";
    private const string SeqPacket = "5";

    /// <summary>Compares matchArgs arrays by value, so a protocol listed twice yields its selectors once.</summary>
    public static IEqualityComparer<ImmutableArray<MatchArg>> Comparer { get; } = new ValueComparer();

    public static IEnumerable<ImmutableArray<MatchArg>> For(SocketProtocol protocol) =>
        Kinds(protocol).Select(args => args.Add(new MatchArg(3, "Equal", ["0"])));

    private static IEnumerable<ImmutableArray<MatchArg>> Kinds(SocketProtocol protocol) => protocol switch
    {
        // protocol 0 on an IPv4/IPv6 stream socket is TCP; IPPROTO_MPTCP (262) runs over TCP, so it is denied too.
        SocketProtocol.Tcp => [[Family(Inet, Inet6), Type(Stream), Protocol("0", "6", "262")]],
        SocketProtocol.Udp => [[Family(Inet, Inet6), Type(Datagram), Protocol("0", "17")]],
        SocketProtocol.Icmp => [[Family(Inet), Type(Datagram, RawType), Protocol("1")]],
        SocketProtocol.IcmpV6 => [[Family(Inet6), Type(Datagram, RawType), Protocol("58")]],

        // SCTP is the only IPv4/IPv6 protocol with SOCK_SEQPACKET, so protocol 0 there means SCTP.
        SocketProtocol.Sctp => [[Family(Inet, Inet6), Type(Stream), Protocol("132")], [Family(Inet, Inet6), Type(SeqPacket)]],

        // Raw IP sockets of any protocol, and packet sockets, which hand-craft frames (ARP tools) just the same.
        SocketProtocol.Raw => [[Family(Inet, Inet6), Type(RawType)], [Family(Packet)]],
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown socket protocol"),
    };

    private static MatchArg Family(params string[] values) => new(0, "Equal", [.. values]);

    private static MatchArg Type(params string[] values) => new(1, "Equal", [.. values]);

    private static MatchArg Protocol(params string[] values) => new(2, "Equal", [.. values]);

    private sealed class ValueComparer : IEqualityComparer<ImmutableArray<MatchArg>>
    {
        public bool Equals(ImmutableArray<MatchArg> x, ImmutableArray<MatchArg> y) =>
            x.Length == y.Length && x.Zip(y).All(p => p.First.Index == p.Second.Index
                && p.First.Operator == p.Second.Operator && p.First.Values.SequenceEqual(p.Second.Values));

        public int GetHashCode(ImmutableArray<MatchArg> obj) => obj.Length;
    }
}
