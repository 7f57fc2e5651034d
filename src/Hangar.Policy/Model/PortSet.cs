using System.Collections.Immutable;

namespace Hangar.Policy.Model;

/// <summary>
/// The ports a rule applies to. <see cref="Any"/> means every port of every protocol.
/// </summary>
/// <example><code>Ports.Tcp(443)</code>, <code>Ports.TcpAndUdp(53)</code>, <code>Ports.TcpRange(8000, 8999)</code></example>
public sealed class PortSet : IEquatable<PortSet>
{
    private PortSet(ImmutableArray<PortRange> ranges) => Ranges = ranges;

    /// <summary>Every port of every protocol.</summary>
    public static PortSet Any { get; } = new([]);

    /// <summary>The ranges, sorted; empty for <see cref="Any"/>.</summary>
    public ImmutableArray<PortRange> Ranges { get; }

    /// <summary>True when the set places no restriction on ports.</summary>
    public bool IsAny => Ranges.IsEmpty;

    /// <summary>Builds a set from ranges, validating each port; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public static PortSet Of(IEnumerable<PortRange> ranges)
    {
        var list = ranges.ToList();
        foreach (var range in list)
        {
            CheckPort(range.From);
            CheckPort(range.To);
            if (range.To < range.From)
                throw new ArgumentException(
                    $"port range {range.From}-{range.To} ends before it starts; write the lower port first ({range.To}-{range.From})");
        }
        if (list.Count == 0)
            throw new ArgumentException("a port set needs at least one port; use Ports.Any for every port");
        return new PortSet([.. list.Distinct().Order()]);
    }

    /// <summary>True when <paramref name="port"/> over <paramref name="protocol"/> is in the set.</summary>
    public bool Contains(Protocol protocol, int port) => IsAny || Ranges.Any(r => r.Contains(protocol, port));

    /// <summary>The union of two sets.</summary>
    public PortSet And(PortSet other) => IsAny || other.IsAny ? Any : Of(Ranges.Concat(other.Ranges));

    /// <summary>Canonical text, e.g. <c>TCP/443,UDP/53</c> or <c>any</c>.</summary>
    public override string ToString() => IsAny ? "any" : string.Join(",", Ranges);

    /// <inheritdoc />
    public bool Equals(PortSet? other) => other is not null && Ranges.SequenceEqual(other.Ranges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PortSet);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    internal static void CheckPort(int port)
    {
        if (port is < 1 or > 65535)
            throw new ArgumentException($"port {port} is outside 1-65535; use a port between 1 and 65535, e.g. Ports.Tcp(443)");
    }
}
