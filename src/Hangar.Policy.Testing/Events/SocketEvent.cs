using System.Net.Sockets;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Testing.Events;

/// <summary>
/// A hypothetical <c>socket()</c> call creating a socket of <paramref name="Protocol"/> in address family
/// <paramref name="Family"/>. The socket type and protocol number follow from the protocol: TCP is
/// <c>SOCK_STREAM</c>/6, UDP <c>SOCK_DGRAM</c>/17, ICMP and ICMPv6 are ping sockets (<c>SOCK_DGRAM</c>/1 and /58),
/// SCTP is <c>SOCK_STREAM</c>/132 and raw is <c>SOCK_RAW</c>/255.
/// </summary>
/// <param name="Source">Who creates the socket.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="Family">IPv4 (<c>AF_INET</c>, default) or IPv6 (<c>AF_INET6</c>).</param>
public sealed record SocketEvent(EventSource Source, SocketProtocol Protocol, AddressFamily Family = AddressFamily.InterNetwork)
    : ProcessEvent(Source)
{
    /// <summary>The socket type: <c>SOCK_STREAM</c>, <c>SOCK_DGRAM</c> or <c>SOCK_RAW</c>.</summary>
    public string SocketType => Protocol switch
    {
        SocketProtocol.Tcp or SocketProtocol.Sctp => "SOCK_STREAM",
        SocketProtocol.Raw => "SOCK_RAW",
        _ => "SOCK_DGRAM",
    };

    /// <summary>The IPPROTO number passed to socket().</summary>
    public int ProtocolNumber => Protocol switch
    {
        SocketProtocol.Tcp => 6,
        SocketProtocol.Udp => 17,
        SocketProtocol.Icmp => 1,
        SocketProtocol.IcmpV6 => 58,
        SocketProtocol.Sctp => 132,
        _ => 255,
    };

    /// <summary><c>AF_INET</c> or <c>AF_INET6</c>.</summary>
    public string FamilyName => Family == AddressFamily.InterNetworkV6 ? "AF_INET6" : "AF_INET";

    /// <inheritdoc />
    public override string ToString() =>
        $"socket({FamilyName}, {SocketType}, {Protocol.ToString().ToUpperInvariant()}) by {Source}";
}
