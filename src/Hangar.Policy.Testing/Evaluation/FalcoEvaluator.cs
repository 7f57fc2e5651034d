using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// Falco semantics for any event: the rules files carried by the emitted ConfigMaps are read (lists, macros,
/// rules), every enabled rule's condition is evaluated against the fields libsinsp would fill for the event, and a
/// matching rule reports it. Falco only detects: the verdict is detected only, or not covered when no rule matches.
/// </summary>
/// <remarks>
/// The condition language is evaluated as far as policies use it (see the parser); <c>fd.snet</c>/<c>fd.net</c>
/// take CIDRs, <c>fd.sip</c> addresses, numeric fields compare as numbers. Rule items that override or append
/// to others, and fields the kit does not know, raise <see cref="NotSupportedException"/>.
/// </remarks>
public sealed partial class FalcoEvaluator : IObjectEvaluator
{
    // The rules files of a ConfigMap, read and parsed once for all the events judged against it.
    private readonly ConditionalWeakTable<JsonObject, List<FalcoRulesFile>> _files = new();

    /// <inheritdoc />
    public string Backend => "falco";

    /// <inheritdoc />
    public Verdict Evaluate(ConnectEvent connect, SourceProcess source, IReadOnlyList<JsonObject> objects) =>
        Judge(connect, source, objects);

    /// <inheritdoc />
    public Verdict Evaluate(ProcessEvent processEvent, SourceProcess source, IReadOnlyList<JsonObject> objects) =>
        Judge(processEvent, source, objects);

    private Verdict Judge(PolicyEvent observed, SourceProcess source, IReadOnlyList<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(objects);

        var fields = new FalcoEventFields(observed, source);
        var matched = new List<(JsonObject Carrier, JsonObject Rule)>();
        var rules = 0;
        foreach (var carrier in objects.Where(o => o.Str("kind") == "ConfigMap"))
        {
            foreach (var file in _files.GetValue(carrier, Read))
            {
                foreach (var rule in file.Rules)
                {
                    rules++;
                    if (Holds(file.Condition(rule), fields, file))
                        matched.Add((carrier, rule));
                }
            }
        }

        if (matched.Count == 0)
        {
            return new(Backend, Outcome.NotCovered, [], [],
                rules == 0 ? "no Falco rules were emitted" : $"none of the {rules} Falco rules matches it");
        }
        var ids = matched.Select(m => RuleIdIn(m.Rule.Str("output"))).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var names = matched.Select(m => $"'{m.Rule.Str("rule")}'");
        return new(Backend, Outcome.DetectedOnly, [.. ids],
            [.. matched.Select(m => Tree.Describe(m.Carrier)).Distinct().Order(StringComparer.Ordinal)],
            $"Falco rule {string.Join(", ", names)} reports it (Falco never blocks)");
    }

    private static List<FalcoRulesFile> Read(JsonObject carrier) =>
        [.. (carrier.Obj("data") ?? []).Select(d => Tree.Text(d.Value)).OfType<string>().Select(FalcoRulesFile.Read)];

    private static bool Holds(FalcoCondition condition, FalcoEventFields fields, FalcoRulesFile file) => condition switch
    {
        FalcoCondition.And and => Holds(and.Left, fields, file) && Holds(and.Right, fields, file),
        FalcoCondition.Or or => Holds(or.Left, fields, file) || Holds(or.Right, fields, file),
        FalcoCondition.Not not => !Holds(not.Operand, fields, file),
        FalcoCondition.Macro macro => Holds(file.Macro(macro.Name), fields, file),
        FalcoCondition.Compare compare => Compare(compare, fields),
        _ => throw new NotSupportedException($"Falco condition {condition} is not evaluated by the testing kit"),
    };

    private static bool Compare(FalcoCondition.Compare compare, FalcoEventFields fields)
    {
        var actual = fields[compare.Field];
        if (compare.Operator == "exists")
            return actual is not null;
        if (actual is null)
            return false;

        var isNetwork = compare.Field is "fd.snet" or "fd.net" or "fd.sip";
        if (isNetwork)
        {
            var matches = compare.Values.Any(v => AddressIn(fields.ServerAddress!, v));
            return compare.Operator switch
            {
                "=" or "in" => matches,
                "!=" => !matches,
                _ => throw new NotSupportedException(
                    $"operator '{compare.Operator}' on {compare.Field} is not evaluated by the testing kit"),
            };
        }

        var value = compare.Values.Count == 1 ? compare.Values[0] : "";
        return compare.Operator switch
        {
            "=" => Equal(actual, value),
            "!=" => !Equal(actual, value),
            "in" => compare.Values.Any(v => Equal(actual, v)),
            "startswith" => actual.StartsWith(value, StringComparison.Ordinal),
            "endswith" => actual.EndsWith(value, StringComparison.Ordinal),
            "contains" => actual.Contains(value, StringComparison.Ordinal),
            "icontains" => actual.Contains(value, StringComparison.OrdinalIgnoreCase),
            "<" or "<=" or ">" or ">=" => Numeric(actual, compare.Operator, value),
            _ => throw new NotSupportedException($"operator '{compare.Operator}' is not evaluated by the testing kit"),
        };
    }

    private static bool Equal(string actual, string expected) =>
        long.TryParse(actual, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
        && long.TryParse(expected, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b)
            ? a == b
            : string.Equals(actual, expected, StringComparison.Ordinal);

    private static bool Numeric(string actual, string op, string expected)
    {
        if (!long.TryParse(actual, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
            || !long.TryParse(expected, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
            throw new FormatException($"'{actual}' {op} '{expected}' is not a numeric comparison");
        return op switch { "<" => a < b, "<=" => a <= b, ">" => a > b, _ => a >= b };
    }

    // A value with a '/' is a CIDR; without, one address. Families never match across (no mapped re-reading).
    private static bool AddressIn(IPAddress address, string value)
    {
        var slash = value.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? value : value[..slash], out var network))
            throw new FormatException($"'{value}' is not an address or CIDR Falco accepts");
        if (network.AddressFamily != address.AddressFamily)
            return false;
        var bits = network.GetAddressBytes().Length * 8;
        var prefix = slash < 0 ? bits : int.Parse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        var (a, n) = (address.GetAddressBytes(), network.GetAddressBytes());
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
                return false;
        }
        return true;
    }

    private static string? RuleIdIn(string? output) =>
        output is null ? null : RuleIdPattern().Match(output) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"rule_id=(\S+)")]
    private static partial Regex RuleIdPattern();
}
