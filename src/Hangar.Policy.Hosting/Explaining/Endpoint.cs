using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hangar.Policy.Hosting.Explaining;

/// <summary>
/// The <c>--to ADDRESS:PORT</c> of <c>explain</c>: an IPv4 address (<c>169.254.169.254:80</c>), an IPv6 address in
/// brackets (<c>[::1]:8080</c>) or an IPv4-mapped one (<c>[::ffff:127.0.0.1]:3000</c>), and a port from 1 to 65535.
/// </summary>
/// <param name="Address">The address as connect() receives it.</param>
/// <param name="Port">The destination port.</param>
public sealed record Endpoint(IPAddress Address, int Port)
{
    /// <summary>
    /// Parses <paramref name="text"/>; throws <see cref="UsageException"/> naming the bad part and the fix: a
    /// missing port, a port out of range, an unbracketed IPv6 address, a host name, a shorthand IPv4 form.
    /// </summary>
    public static Endpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0)
            throw Bad(text, "it is empty", "give the destination, e.g. --to 169.254.169.254:80 or --to [::1]:8080");

        var (address, port) = text.StartsWith('[') ? SplitBracketed(text) : SplitPlain(text);
        return new Endpoint(ParseAddress(text, address), ParsePort(text, port));
    }

    /// <summary>The endpoint as written back: <c>10.0.0.1:443</c> or <c>[::1]:8080</c>.</summary>
    public override string ToString() =>
        Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    private static (string Address, string? Port) SplitBracketed(string text)
    {
        var close = text.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
            throw Bad(text, "the '[' is never closed", "write an IPv6 address as [ADDRESS]:PORT, e.g. [::1]:8080");
        var rest = text[(close + 1)..];
        if (rest.Length == 0)
            throw Bad(text, "there is no port", $"add the port after the bracket, e.g. {text}:443");
        if (rest[0] != ':')
            throw Bad(text, $"'{rest}' follows the bracket", "write [ADDRESS]:PORT, e.g. [::1]:8080");
        return (text[1..close], rest[1..]);
    }

    private static (string Address, string? Port) SplitPlain(string text)
    {
        var colons = text.Count(c => c == ':');
        if (colons == 0)
            throw Bad(text, "there is no port", $"add the port, e.g. {text}:443");
        if (colons > 1)
        {
            throw Bad(text, "an IPv6 address needs brackets around it, or its last group reads as the port",
                "write [ADDRESS]:PORT, e.g. [::1]:8080 or [::ffff:127.0.0.1]:3000");
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return (text[..colon], text[(colon + 1)..]);
    }

    private static IPAddress ParseAddress(string text, string address)
    {
        if (address.Contains('%', StringComparison.Ordinal))
            throw Bad(text, $"'{address}' carries a zone index", "leave out the %ZONE part; policies match addresses only");
        if (!IPAddress.TryParse(address, out var parsed))
        {
            throw Bad(text, $"'{address}' is not an IP address",
                "explain takes the address a name resolves to: give it with --to, and the name with --hostname");
        }

        // IPAddress also reads inet_aton shorthands ("127.1", "2130706433", "0x7f.1"): say which address they mean.
        if (parsed.AddressFamily == AddressFamily.InterNetwork && parsed.ToString() != address)
            throw Bad(text, $"'{address}' is a shorthand of {parsed}", $"write the dotted form, e.g. {parsed}:PORT");
        return parsed;
    }

    private static int ParsePort(string text, string? port)
    {
        if (string.IsNullOrEmpty(port))
            throw Bad(text, "there is no port", "add the port after the colon, e.g. :443");
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (port.All(char.IsAsciiDigit))
                throw Bad(text, $"port {port} is out of range", "give a port from 1 to 65535");
            throw Bad(text, $"port '{port}' is not a number", "give a port from 1 to 65535, e.g. :443");
        }
        if (number is < 1 or > 65535)
            throw Bad(text, $"port {number} is out of range", "give a port from 1 to 65535");
        return number;
    }

    private static UsageException Bad(string text, string problem, string fix) =>
        new($"--to '{text}': {problem}; {fix}");
}
