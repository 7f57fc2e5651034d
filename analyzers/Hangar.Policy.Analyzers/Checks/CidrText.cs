using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace Hangar.Policy.Analyzers.Checks;

/// <summary>
/// The compile-time twin of the core's strict CIDR parser: the same spellings are accepted and rejected, so the
/// analyzer reports exactly what <c>IpCidr.TryParse</c> would throw for at run time.
/// </summary>
internal static class CidrText
{
    /// <summary>Checks <paramref name="text"/>; on failure gives the problem and, when one exists, the canonical form.</summary>
    public static bool IsValid(string? text, out string problem, out string? canonical)
    {
        problem = "";
        canonical = null;
        if (text is null || text.Trim().Length == 0)
        {
            problem = "an empty value is not a CIDR";
            return false;
        }

        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text.Substring(0, slash);
        if (addressText.IndexOf('%') >= 0)
        {
            problem = $"'{text}' carries an IPv6 zone id, which no engine accepts";
            return false;
        }
        if (!IsPlainAddressSpelling(addressText) || !IPAddress.TryParse(addressText, out var address))
        {
            problem = $"'{text}' is not an IPv4 or IPv6 address range";
            return false;
        }

        var bytes = address.GetAddressBytes();
        var bits = bytes.Length * 8;
        var prefix = bits;
        if (slash >= 0)
        {
            var prefixText = text.Substring(slash + 1);
            if (prefixText.Length == 0 || prefixText.Length > 3 || !prefixText.All(IsDigit)
                || (prefixText.Length > 1 && prefixText[0] == '0') || !int.TryParse(prefixText, out prefix) || prefix > bits)
            {
                problem = $"'{text}' has an invalid prefix length '{prefixText}' (0 to {bits}, no leading zeros)";
                return false;
            }
        }

        var masked = Mask(bytes, prefix);
        var network = new IPAddress(masked);
        var mapped = address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6;
        var spelled = $"{AddressText(masked)}/{prefix}";
        if (!mapped)
            canonical = spelled;
        if (!masked.SequenceEqual(bytes))
        {
            problem = $"'{text}' has host bits set";
            return false;
        }
        if (mapped)
        {
            problem = $"'{text}' is an IPv4-mapped IPv6 range (the compiler adds the mapped form where an engine needs it)";
            return false;
        }
        if (!string.Equals(spelled, text, StringComparison.Ordinal)
            && !(slash < 0 && string.Equals(AddressText(masked), text, StringComparison.Ordinal)))
        {
            problem = $"'{text}' is not written canonically";
            return false;
        }
        canonical = null;
        return true;
    }

    /// <summary>True for an IPv4 or IPv6 address or range in strict spelling (a destination, not a host name).</summary>
    public static bool LooksLikeAddress(string text) =>
        text.IndexOf(':') >= 0 || text.IndexOf('/') >= 0 || (text.Length > 0 && text.All(c => IsDigit(c) || c == '.'));

    /// <summary>Parses a valid CIDR or address into its network bytes and prefix; false when it is not valid.</summary>
    public static bool TryParse(string text, out byte[] network, out int prefix)
    {
        network = Array.Empty<byte>();
        prefix = 0;
        if (!IsValid(text, out _, out _))
            return false;
        var slash = text.IndexOf('/');
        network = IPAddress.Parse(slash < 0 ? text : text.Substring(0, slash)).GetAddressBytes();
        prefix = slash < 0 ? network.Length * 8 : int.Parse(text.Substring(slash + 1));
        return true;
    }

    /// <summary>True when the range <paramref name="inner"/> lies wholly inside <paramref name="outer"/>.</summary>
    public static bool Contains(byte[] outer, int outerPrefix, byte[] inner, int innerPrefix) =>
        outer.Length == inner.Length && innerPrefix >= outerPrefix && Mask(inner, outerPrefix).SequenceEqual(outer);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    // .NET writes IPv4-compatible and IPv4-mapped IPv6 addresses in dotted form; the core, Go and the API server
    // write them in hex (RFC 5952), and so must the canonical form offered here.
    private static string AddressText(byte[] bytes)
    {
        if (bytes.Length == 16 && bytes.Take(10).All(b => b == 0))
        {
            var high = bytes[12] << 8 | bytes[13];
            var low = bytes[14] << 8 | bytes[15];
            if (bytes[10] == 0xff && bytes[11] == 0xff)
                return $"::ffff:{high:x}:{low:x}";
            if (bytes[10] == 0 && bytes[11] == 0)
                return high == 0 ? $"::{(low == 0 ? "" : low.ToString("x"))}" : $"::{high:x}:{low:x}";
        }
        return new IPAddress(bytes).ToString().ToLowerInvariant();
    }

    private static byte[] Mask(byte[] bytes, int prefixLength)
    {
        var masked = (byte[])bytes.Clone();
        for (var i = 0; i < masked.Length; i++)
        {
            var keep = Math.Max(0, Math.Min(8, prefixLength - i * 8));
            masked[i] &= (byte)(0xff << (8 - keep));
        }
        return masked;
    }

    // IPAddress.TryParse accepts "1", "0x7f.1" and "0177.0.0.1": spellings no engine or apiserver takes.
    private static bool IsPlainAddressSpelling(string text)
    {
        if (text.IndexOf(':') >= 0)
            return text.All(c => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.');
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length > 0 && p.Length <= 3 && p.All(IsDigit) && (p.Length == 1 || p[0] != '0'));
    }
}
