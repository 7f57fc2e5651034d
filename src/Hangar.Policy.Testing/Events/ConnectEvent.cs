using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hangar.Policy.Model;

namespace Hangar.Policy.Testing.Events;

/// <summary>
/// A hypothetical <c>connect()</c>: from a server (or tool, or binary) to an address and port over a protocol.
/// </summary>
/// <param name="Source">Who connects.</param>
/// <param name="Address">
/// The address passed to connect(), as the caller wrote it: IPv4, IPv6, or IPv4-mapped (<c>::ffff:127.0.0.1</c>,
/// which an IPv6 socket uses to reach an IPv4 destination).
/// </param>
/// <param name="Port">The destination port.</param>
/// <param name="Protocol">The transport protocol.</param>
/// <param name="Hostname">The DNS name the caller resolved to get the address, when it matters to a hostname allow.</param>
/// <param name="Pod">The in-cluster pod that receives the connection, when there is one.</param>
public sealed record ConnectEvent(
    EventSource Source, IPAddress Address, int Port, Protocol Protocol = Protocol.Tcp, string? Hostname = null,
    DestinationPod? Pod = null) : PolicyEvent(Source)
{
    /// <summary>True when the address is an IPv4-mapped IPv6 address.</summary>
    public bool IsIPv4Mapped => Address.AddressFamily == AddressFamily.InterNetworkV6 && Address.IsIPv4MappedToIPv6;

    /// <summary>
    /// The IPv4 or IPv6 address the packet finally carries: an IPv4-mapped address is the IPv4 address it maps.
    /// </summary>
    public IPAddress WireAddress => IsIPv4Mapped ? Address.MapToIPv4() : Address;

    /// <summary>Parses <c>ADDRESS:PORT</c>, with IPv6 in brackets: <c>10.0.0.1:443</c>, <c>[::1]:3000</c>.</summary>
    public static (IPAddress Address, int Port) ParseEndpoint(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        string address;
        string port;
        if (endpoint.StartsWith('['))
        {
            var close = endpoint.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
                throw BadEndpoint(endpoint);
            address = endpoint[1..close];
            port = endpoint[(close + 2)..];
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            if (colon < 0 || endpoint.IndexOf(':') != colon)
                throw BadEndpoint(endpoint);
            address = endpoint[..colon];
            port = endpoint[(colon + 1)..];
        }

        if (!IPAddress.TryParse(address, out var parsed) || address.Contains('%')
            || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            throw BadEndpoint(endpoint);
        return (parsed, number);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var address = Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString();
        var host = Hostname is null ? "" : $" ({Hostname})";
        var pod = Pod is null ? "" : $" -> {Pod}";
        return $"connect from {Source} to {address}:{Port}/{Protocol.ToString().ToUpperInvariant()}{host}{pod}";
    }

    private static ArgumentException BadEndpoint(string endpoint) =>
        new($"'{endpoint}' is not ADDRESS:PORT; write e.g. \"169.254.169.254:80\" or \"[::1]:3000\" (port 1-65535)",
            nameof(endpoint));
}
