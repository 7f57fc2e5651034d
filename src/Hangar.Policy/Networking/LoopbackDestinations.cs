namespace Hangar.Policy.Networking;

/// <summary>
/// Every destination through which a connect() reaches the pod itself.
/// </summary>
/// <remarks>
/// Not only 127.0.0.1: the whole of 127.0.0.0/8 answers locally, connecting to 0.0.0.0 or <c>::</c> reaches
/// localhost on Linux, and an IPv6 socket may dial <c>::ffff:127.0.0.1</c>. Engines that see the socket
/// address also need the IPv4-mapped forms, which <see cref="IpCidr.ToIPv4Mapped"/> derives.
/// </remarks>
public static class LoopbackDestinations
{
    /// <summary>127.0.0.0/8, 0.0.0.0/8, ::1/128 and ::/128.</summary>
    public static IReadOnlyList<IpCidr> All { get; } =
    [
        IpCidr.Parse("127.0.0.0/8"),
        IpCidr.Parse("0.0.0.0/8"),
        IpCidr.Parse("::1/128"),
        IpCidr.Parse("::/128"),
    ];
}
