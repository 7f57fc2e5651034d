namespace Hangar.Policy.Rules;

/// <summary>A kind of socket a <see cref="DenySocketProtocolRule"/> forbids.</summary>
public enum SocketProtocol
{
    /// <summary>TCP sockets.</summary>
    Tcp,
    /// <summary>UDP sockets.</summary>
    Udp,
    /// <summary>ICMP (ping) sockets.</summary>
    Icmp,
    /// <summary>ICMPv6 sockets.</summary>
    IcmpV6,
    /// <summary>SCTP sockets.</summary>
    Sctp,
    /// <summary>Raw IP sockets (hand-crafted packets, ARP and ICMP tools).</summary>
    Raw,
}
