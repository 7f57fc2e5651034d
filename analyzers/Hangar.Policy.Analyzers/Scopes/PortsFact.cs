using System.Collections.Generic;
using System.Linq;
using Hangar.Policy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>The ports of a rule as far as constants tell: every port, known ranges, or unknown.</summary>
internal sealed class PortsFact
{
    private PortsFact(bool isAny, IReadOnlyList<(string Protocol, int From, int To)>? ranges)
    {
        IsAny = isAny;
        Ranges = ranges;
    }

    public static PortsFact Any { get; } = new(true, new List<(string, int, int)>());

    public static PortsFact Unknown { get; } = new(false, null);

    public bool IsAny { get; }

    /// <summary>The ranges, or null when they cannot be known at compile time.</summary>
    public IReadOnlyList<(string Protocol, int From, int To)>? Ranges { get; }

    public bool IsKnown => Ranges is not null;

    /// <summary>True when a port range needs NetworkPolicy's endPort.</summary>
    public bool HasRange => Ranges is not null && Ranges.Any(r => r.From != r.To);

    /// <summary>Canonical text, equal for equal port sets.</summary>
    public string? Text => IsAny ? "any" : Ranges is null ? null
        : string.Join(",", Ranges.Distinct().OrderBy(r => r.Protocol).ThenBy(r => r.From).ThenBy(r => r.To)
            .Select(r => $"{r.Protocol}/{r.From}-{r.To}"));

    /// <summary>True when every port of <paramref name="inner"/> is in this set.</summary>
    public bool Covers(PortsFact inner) =>
        IsAny || (inner.Ranges is { } ranges && !inner.IsAny && Ranges is { } mine
            && ranges.All(a => mine.Any(d => d.Protocol == a.Protocol && d.From <= a.From && d.To >= a.To)));

    /// <summary>Reads the value of a ports argument: <c>Ports.Tcp(443)</c>, <c>Ports.Any</c>, <c>a.And(b)</c>.</summary>
    public static PortsFact From(IArgumentOperation? argument)
    {
        if (argument is null || !Arguments.IsGiven(argument))
            return Any;
        return From(argument.Value);
    }

    private static PortsFact From(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        if (operation is IPropertyReferenceOperation { Property.Name: "Any" })
            return Any;
        if (operation is not IInvocationOperation invocation)
            return Unknown;
        var name = invocation.TargetMethod.Name;
        if (name == "And" && invocation.Instance is { } left && invocation.Arguments.Length == 1)
        {
            var a = From(left);
            var b = From(invocation.Arguments[0].Value);
            if (a.IsAny || b.IsAny)
                return Any;
            return a.Ranges is null || b.Ranges is null ? Unknown : new PortsFact(false, a.Ranges.Concat(b.Ranges).ToList());
        }
        if (invocation.TargetMethod.ContainingType.Name != "Ports")
            return Unknown;
        if (name is "TcpRange" or "UdpRange")
        {
            return Arguments.Constant(Arguments.Named(invocation, "from")) is int from
                && Arguments.Constant(Arguments.Named(invocation, "to")) is int to
                ? new PortsFact(false, new[] { (name == "TcpRange" ? "tcp" : "udp", from, to) })
                : Unknown;
        }
        if (Arguments.Named(invocation, "ports") is not { } ports || !Arguments.AllConstant(ports.Value))
            return Unknown;
        var protocols = name switch
        {
            "Tcp" => new[] { "tcp" },
            "Udp" => new[] { "udp" },
            "Sctp" => new[] { "sctp" },
            "TcpAndUdp" => new[] { "tcp", "udp" },
            _ => null,
        };
        if (protocols is null)
            return Unknown;
        var values = Arguments.Constants(ports.Value).Select(c => c.Value).OfType<int>().ToList();
        return new PortsFact(false, protocols.SelectMany(p => values.Select(v => (p, v, v))).ToList());
    }
}
