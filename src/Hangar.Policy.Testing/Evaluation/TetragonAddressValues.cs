using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NuGet.Versioning;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// The values of a Tetragon SAddr/DAddr/NotSAddr/NotDAddr filter, split by address family the way the engine
/// stores them: one LPM map per family, consulted for the socket's own family.
/// </summary>
/// <remarks>
/// Since v1.5.0 an IPv4-mapped value (<c>::ffff:a.b.c.d/n</c>) goes to the IPv6 map. Before it, a mapped
/// address went to the IPv4 map and a mapped CIDR was rejected ("IPv4 mask len must be &lt;= 32").
/// </remarks>
internal sealed class TetragonAddressValues
{
    private static readonly NuGetVersion MappedToV6 = new(1, 5, 0);

    private readonly List<(byte[] Network, int Prefix)> _v4 = [];
    private readonly List<(byte[] Network, int Prefix)> _v6 = [];

    /// <summary>Parses <paramref name="values"/>; throws <see cref="InvalidDataException"/> where the engine rejects the policy.</summary>
    public TetragonAddressValues(IEnumerable<string> values, NuGetVersion version)
    {
        foreach (var value in values)
        {
            var slash = value.IndexOf('/');
            var addressText = slash < 0 ? value : value[..slash];
            if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%'))
                throw new InvalidDataException($"'{value}' is not an address or CIDR; Tetragon rejects the policy");
            var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            var prefix = bits;
            if (slash >= 0
                && (!int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
                throw new InvalidDataException($"'{value}' has a bad prefix length; Tetragon rejects the policy");

            if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 && version < MappedToV6)
            {
                if (prefix != 128)
                    throw new InvalidDataException(
                        $"'{value}' is an IPv4-mapped CIDR, which Tetragon {version} rejects "
                        + "(IPv4 mask len must be <= 32; fixed in v1.5.0)");
                _v4.Add((address.MapToIPv4().GetAddressBytes(), 32));
                continue;
            }

            var list = address.AddressFamily == AddressFamily.InterNetwork ? _v4 : _v6;
            list.Add((address.GetAddressBytes(), prefix));
        }
    }

    /// <summary>True when the map of <paramref name="address"/>'s family holds no value.</summary>
    public bool HasNoValuesFor(IPAddress address) =>
        (address.AddressFamily == AddressFamily.InterNetwork ? _v4 : _v6).Count == 0;

    /// <summary>True when the map of <paramref name="address"/>'s family holds a range containing it.</summary>
    public bool Contains(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var list = address.AddressFamily == AddressFamily.InterNetwork ? _v4 : _v6;
        return list.Exists(entry => PrefixMatches(entry.Network, bytes, entry.Prefix));
    }

    private static bool PrefixMatches(byte[] network, byte[] address, int prefix)
    {
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((network[bit / 8] & mask) != (address[bit / 8] & mask))
                return false;
        }
        return true;
    }
}
