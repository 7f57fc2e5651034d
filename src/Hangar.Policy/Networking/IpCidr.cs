using System.Net;
using System.Net.Sockets;

namespace Hangar.Policy.Networking;

/// <summary>
/// An IPv4 or IPv6 network in canonical form: no host bits set, lowercase, shortest IPv6 spelling.
/// </summary>
/// <remarks>
/// Parsing is strict on purpose. Kubernetes (KEP-4858) rejects CIDRs with host bits set, and a value such as
/// <c>10.0.0.1/8</c> usually means the author meant something else, so the fix offered is the masked form.
/// </remarks>
public readonly record struct IpCidr : IComparable<IpCidr>
{
    private readonly byte[] _bytes;

    private IpCidr(byte[] bytes, int prefixLength)
    {
        _bytes = bytes;
        PrefixLength = prefixLength;
    }

    /// <summary>The network address as raw bytes (4 for IPv4, 16 for IPv6).</summary>
    public ReadOnlySpan<byte> AddressBytes => _bytes;

    /// <summary>The number of leading bits that form the network.</summary>
    public int PrefixLength { get; }

    /// <summary>True for an IPv4 network.</summary>
    public bool IsIPv4 => _bytes.Length == 4;

    /// <summary>The number of bits in an address of this family (32 or 128).</summary>
    public int AddressBits => _bytes.Length * 8;

    /// <summary>The network address.</summary>
    public IPAddress Network => new(_bytes);

    /// <summary>True when this network is one single address (/32 or /128).</summary>
    public bool IsSingleAddress => PrefixLength == AddressBits;

    /// <summary>Parses a canonical CIDR, or a single address (taken as /32 or /128); throws on anything else.</summary>
    public static IpCidr Parse(string text)
    {
        if (TryParse(text, out var cidr, out var problem))
            return cidr;
        throw new FormatException(problem);
    }

    /// <summary>
    /// Parses <paramref name="text"/>. On failure <paramref name="problem"/> says what is wrong and, where one
    /// exists, the canonical spelling to use instead.
    /// </summary>
    public static bool TryParse(string? text, out IpCidr cidr, out string problem)
    {
        cidr = default;
        problem = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "an empty value is not a CIDR; write an address range such as 10.0.0.0/8";
            return false;
        }

        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (addressText.Contains('%'))
        {
            problem = $"'{text}' carries an IPv6 zone id, which no engine accepts; drop the '%' part";
            return false;
        }

        if (!TryParseAddress(addressText, out var address))
        {
            problem = $"'{text}' is not an IPv4 or IPv6 address range; write it as 10.0.0.0/8 or fd00::/8";
            return false;
        }

        var bytes = address.GetAddressBytes();
        var bits = bytes.Length * 8;
        var prefix = bits;
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (prefixText.Length == 0 || prefixText.Length > 3 || !prefixText.All(char.IsAsciiDigit)
                || (prefixText.Length > 1 && prefixText[0] == '0')
                || !int.TryParse(prefixText, out prefix) || prefix > bits)
            {
                problem = $"'{text}' has an invalid prefix length '{prefixText}'; it must be 0 to {bits} without leading zeros";
                return false;
            }
        }

        var masked = Mask(bytes, prefix);
        var candidate = new IpCidr(masked, prefix);
        if (!masked.AsSpan().SequenceEqual(bytes))
        {
            problem = $"'{text}' has host bits set; the network is {candidate}";
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6)
        {
            problem = $"'{text}' is an IPv4-mapped IPv6 range; write the IPv4 range instead "
                + "(the compiler adds the mapped form where an engine needs it)";
            return false;
        }

        var canonical = slash < 0 ? candidate.AddressText : candidate.ToString();
        if (!string.Equals(canonical, text, StringComparison.Ordinal)
            && !string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
        {
            problem = $"'{text}' is not written canonically; write {candidate}";
            return false;
        }

        cidr = candidate;
        return true;
    }

    /// <summary>Builds the network of one address.</summary>
    public static IpCidr FromAddress(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return new IpCidr(bytes, bytes.Length * 8);
    }

    /// <summary>Builds a network from an address and prefix, masking any host bits.</summary>
    public static IpCidr Create(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        if (prefixLength < 0 || prefixLength > bytes.Length * 8)
            throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, "prefix length out of range");
        return new IpCidr(Mask(bytes, prefixLength), prefixLength);
    }

    /// <summary>True when <paramref name="address"/> lies in this network (same family only).</summary>
    public bool Contains(IPAddress address)
    {
        var other = address.GetAddressBytes();
        return other.Length == _bytes.Length && PrefixMatches(other, PrefixLength);
    }

    /// <summary>True when <paramref name="other"/> lies wholly inside this network (same family only).</summary>
    public bool Contains(IpCidr other) =>
        other._bytes.Length == _bytes.Length && other.PrefixLength >= PrefixLength && PrefixMatches(other._bytes, PrefixLength);

    /// <summary>True when the two networks share at least one address.</summary>
    public bool Overlaps(IpCidr other) => Contains(other) || other.Contains(this);

    /// <summary>
    /// The IPv4-mapped IPv6 form (<c>::ffff:a.b.c.d/96+n</c>) of an IPv4 network, as an IPv6 socket sees it.
    /// </summary>
    public IpCidr ToIPv4Mapped()
    {
        if (!IsIPv4)
            throw new InvalidOperationException($"{this} is already IPv6");
        var bytes = new byte[16];
        bytes[10] = 0xff;
        bytes[11] = 0xff;
        _bytes.CopyTo(bytes, 12);
        return new IpCidr(bytes, 96 + PrefixLength);
    }

    /// <summary>
    /// Canonical text: <c>10.0.0.0/8</c>, <c>fd00:ec2::254/128</c>. IPv6 follows RFC 5952 in hex only (no dotted
    /// IPv4 tail), as Kubernetes' strict validation and Tetragon expect.
    /// </summary>
    public override string ToString() => _bytes is null ? "" : $"{AddressText}/{PrefixLength}";

    /// <summary>The network address alone, in canonical text.</summary>
    public string AddressText => IsIPv4 ? string.Join('.', _bytes) : FormatIPv6(_bytes);

    /// <summary>Parses a plain address (dotted-quad IPv4 or IPv6 of hex groups, any case), rejecting legacy spellings.</summary>
    public static bool TryParseAddress(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        return text is not null && !text.Contains('%') && IsPlainAddressSpelling(text) && IPAddress.TryParse(text, out address!);
    }

    private static string FormatIPv6(byte[] bytes)
    {
        var groups = Enumerable.Range(0, 8).Select(i => bytes[2 * i] << 8 | bytes[2 * i + 1]).ToArray();

        // RFC 5952: shorten the longest run of two or more zero groups (the first, on a tie) to "::".
        var (bestStart, bestLength) = (-1, 1);
        for (var i = 0; i < 8;)
        {
            var j = i;
            while (j < 8 && groups[j] == 0)
                j++;
            if (j - i > bestLength)
                (bestStart, bestLength) = (i, j - i);
            i = j == i ? i + 1 : j;
        }

        string Hex(IEnumerable<int> part) =>
            string.Join(':', part.Select(g => g.ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
        return bestStart < 0
            ? Hex(groups)
            : $"{Hex(groups[..bestStart])}::{Hex(groups[(bestStart + bestLength)..])}";
    }

    /// <inheritdoc />
    public bool Equals(IpCidr other) =>
        PrefixLength == other.PrefixLength && AddressBytes.SequenceEqual(other.AddressBytes);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(AddressBytes);
        hash.Add(PrefixLength);
        return hash.ToHashCode();
    }

    /// <summary>Orders IPv4 before IPv6, then by address, then by prefix length.</summary>
    public int CompareTo(IpCidr other)
    {
        var byFamily = _bytes.Length.CompareTo(other._bytes.Length);
        if (byFamily != 0)
            return byFamily;
        var byAddress = AddressBytes.SequenceCompareTo(other.AddressBytes);
        return byAddress != 0 ? byAddress : PrefixLength.CompareTo(other.PrefixLength);
    }

    private bool PrefixMatches(byte[] other, int prefixLength)
    {
        var full = prefixLength / 8;
        if (!_bytes.AsSpan(0, full).SequenceEqual(other.AsSpan(0, full)))
            return false;
        var rest = prefixLength % 8;
        if (rest == 0)
            return true;
        var mask = (byte)(0xff << (8 - rest));
        return (_bytes[full] & mask) == (other[full] & mask);
    }

    private static byte[] Mask(byte[] bytes, int prefixLength)
    {
        var masked = (byte[])bytes.Clone();
        for (var i = 0; i < masked.Length; i++)
        {
            var keep = Math.Clamp(prefixLength - i * 8, 0, 8);
            masked[i] &= (byte)(0xff << (8 - keep));
        }
        return masked;
    }

    // IPAddress.TryParse accepts "1", "0x7f.1" and "0177.0.0.1": spellings no engine or apiserver takes.
    private static bool IsPlainAddressSpelling(string text)
    {
        if (text.Contains(':'))
            return text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.');
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0'));
    }
}
