namespace Hangar.Policy.Model;

/// <summary>Factory methods for <see cref="PortSet"/>: <c>Ports.Tcp(443)</c>, <c>Ports.TcpAndUdp(53)</c>.</summary>
public static class Ports
{
    /// <summary>Every port of every protocol.</summary>
    public static PortSet Any => PortSet.Any;

    /// <summary>The given TCP ports.</summary>
    public static PortSet Tcp(params int[] ports) => Single(Protocol.Tcp, ports);

    /// <summary>The given UDP ports.</summary>
    public static PortSet Udp(params int[] ports) => Single(Protocol.Udp, ports);

    /// <summary>The given SCTP ports.</summary>
    public static PortSet Sctp(params int[] ports) => Single(Protocol.Sctp, ports);

    /// <summary>The given ports over both TCP and UDP.</summary>
    public static PortSet TcpAndUdp(params int[] ports) => Tcp(ports).And(Udp(ports));

    /// <summary>An inclusive range of TCP ports.</summary>
    public static PortSet TcpRange(int from, int to) => PortSet.Of([new PortRange(Protocol.Tcp, from, to)]);

    /// <summary>An inclusive range of UDP ports.</summary>
    public static PortSet UdpRange(int from, int to) => PortSet.Of([new PortRange(Protocol.Udp, from, to)]);

    private static PortSet Single(Protocol protocol, int[] ports) =>
        PortSet.Of(ports.Select(p => new PortRange(protocol, p, p)));
}
