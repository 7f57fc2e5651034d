using System.Net;
using System.Net.Sockets;
using TransportProtocol = Hangar.Policy.Model.Protocol;
using Hangar.Policy.Testing.Events;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// What one argument of a Tetragon hook holds when a connect() passes through it: the address family, the
/// protocol, and the destination as that hook sees it.
/// </summary>
/// <param name="Type">The argument type in the policy: <c>sockaddr</c>, <c>socket</c>, <c>sock</c> or <c>skb</c>.</param>
/// <param name="Family">AF_INET (2) or AF_INET6 (10).</param>
/// <param name="Protocol">The IPPROTO number, or null when the argument carries none (sockaddr).</param>
/// <param name="Address">The destination address, or null when the argument carries none yet (socket).</param>
/// <param name="Port">The destination port, or null when the argument carries none.</param>
internal sealed record TetragonHookView(string Type, int Family, int? Protocol, IPAddress? Address, int? Port)
{
    public const int AfInet = 2;
    public const int AfInet6 = 10;

    /// <summary>
    /// The view of argument type <paramref name="type"/> at hook <paramref name="call"/>, or null when the hook
    /// does not fire for <paramref name="connect"/>.
    /// </summary>
    public static TetragonHookView? For(string call, string type, ConnectEvent connect)
    {
        var socketFamily = connect.Address.AddressFamily == AddressFamily.InterNetwork ? AfInet : AfInet6;
        var protocol = ProtocolNumber(connect.Protocol);
        switch (call, type)
        {
            // security_socket_connect sees every connect() with the address as the caller passed it.
            case ("security_socket_connect" or "socket_connect", "sockaddr"):
                return new(type, socketFamily, null, connect.Address, connect.Port);
            case ("security_socket_connect" or "socket_connect", "socket"):
                return new(type, socketFamily, protocol, null, null);

            // tcp_connect sees TCP only, after the kernel turned "any" into loopback; an IPv6 socket dialling an
            // IPv4-mapped address keeps AF_INET6 and the mapped address (sk_v6_daddr).
            case ("tcp_connect", "sock") when connect.Protocol == TransportProtocol.Tcp:
                return new(type, socketFamily, protocol, AfterAnyRewrite(connect.Address), connect.Port);

            // ip_output sees every IPv4 packet, mapped destinations included, as they go on the wire.
            case ("ip_output", "skb") when connect.WireAddress.AddressFamily == AddressFamily.InterNetwork:
                return new(type, AfInet, protocol, AfterAnyRewrite(connect.WireAddress), connect.Port);
            default:
                return null;
        }
    }

    /// <summary>True when hook <paramref name="call"/> fires for <paramref name="connect"/> at all.</summary>
    public static bool Fires(string call, ConnectEvent connect) => call switch
    {
        "security_socket_connect" or "socket_connect" => true,
        "tcp_connect" => connect.Protocol == TransportProtocol.Tcp,
        "ip_output" => connect.WireAddress.AddressFamily == AddressFamily.InterNetwork,
        _ => false,
    };

    private static IPAddress AfterAnyRewrite(IPAddress address) =>
        address.Equals(IPAddress.Any) ? IPAddress.Loopback : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : address;

    private static int ProtocolNumber(TransportProtocol protocol) => protocol switch
    {
        TransportProtocol.Tcp => 6,
        TransportProtocol.Udp => 17,
        _ => 132,
    };
}
