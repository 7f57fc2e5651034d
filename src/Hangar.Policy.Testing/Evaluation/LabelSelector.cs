using System.Text.Json.Nodes;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>Kubernetes label-selector semantics: matchLabels AND matchExpressions; an empty selector matches all.</summary>
internal static class LabelSelector
{
    /// <summary>
    /// True when <paramref name="selector"/> selects <paramref name="labels"/>. Throws on an operator Kubernetes
    /// does not define, so that a malformed object is reported instead of silently matching.
    /// </summary>
    public static bool Matches(JsonObject? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
            return true;

        foreach (var (key, value) in selector.Obj("matchLabels") ?? [])
        {
            if (!labels.TryGetValue(key, out var actual) || actual != Tree.Text(value))
                return false;
        }

        foreach (var expression in selector.Objects("matchExpressions"))
        {
            var key = expression.Str("key") ?? "";
            var values = expression.Strings("values").ToHashSet(StringComparer.Ordinal);
            var present = labels.TryGetValue(key, out var actual);
            var match = expression.Str("operator") switch
            {
                "In" => present && values.Contains(actual!),
                "NotIn" => !present || !values.Contains(actual!),
                "Exists" => present,
                "DoesNotExist" => !present,
                var other => throw new InvalidDataException($"label selector operator '{other}' is not In, NotIn, Exists or DoesNotExist"),
            };
            if (!match)
                return false;
        }
        return true;
    }
}
