namespace Hangar.Policy.Model;

/// <summary>One protocol and an inclusive range of ports (a single port when <see cref="From"/> equals <see cref="To"/>).</summary>
public sealed record PortRange(Protocol Protocol, int From, int To) : IComparable<PortRange>
{
    /// <summary>True when the range is one port.</summary>
    public bool IsSinglePort => From == To;

    /// <summary>True when <paramref name="port"/> over <paramref name="protocol"/> falls in this range.</summary>
    public bool Contains(Protocol protocol, int port) => protocol == Protocol && port >= From && port <= To;

    /// <inheritdoc />
    public int CompareTo(PortRange? other)
    {
        if (other is null)
            return 1;
        var byProtocol = Protocol.CompareTo(other.Protocol);
        if (byProtocol != 0)
            return byProtocol;
        var byStart = From.CompareTo(other.From);
        return byStart != 0 ? byStart : To.CompareTo(other.To);
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsSinglePort ? $"{Protocol.ToString().ToUpperInvariant()}/{From}" : $"{Protocol.ToString().ToUpperInvariant()}/{From}-{To}";
}
