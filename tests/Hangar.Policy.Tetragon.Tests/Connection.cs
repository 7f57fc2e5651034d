using System.Net;
using System.Net.Sockets;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>One connect() call: the socket's family and protocol, the address dialed, the port and the calling binary.</summary>
internal sealed record Connection(AddressFamily Family, IPAddress Address, int Port, Protocol Protocol, string Binary)
{
    public const string ServerBinary = "/usr/bin/node";

    public static Connection V4(string address, int port, Protocol protocol = Protocol.Tcp, string binary = ServerBinary) =>
        new(AddressFamily.InterNetwork, IPAddress.Parse(address), port, protocol, binary);

    public static Connection V6(string address, int port, Protocol protocol = Protocol.Tcp, string binary = ServerBinary) =>
        new(AddressFamily.InterNetworkV6, IPAddress.Parse(address), port, protocol, binary);

    /// <summary>The same IPv4 destination dialed from a dual-stack IPv6 socket, as ::ffff:a.b.c.d.</summary>
    public Connection Mapped() => this with { Family = AddressFamily.InterNetworkV6, Address = Address.MapToIPv6() };

    /// <summary>The destination as the rules see it: an IPv4-mapped address is its IPv4 address.</summary>
    public IPAddress Destination => Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address;

    public override string ToString() => $"{Family} {Address} {Protocol}/{Port} from {Binary}";
}
