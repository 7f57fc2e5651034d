using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Tests.Emulator;

/// <summary>The equality-based label selectors of the Kubernetes API: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>.</summary>
internal static class LabelSelector
{
    public static bool Matches(string? selector, JsonObject obj)
    {
        if (string.IsNullOrEmpty(selector))
            return true;

        var labels = obj["metadata"]?["labels"] as JsonObject ?? [];
        string? Value(string key) => labels[key]?.GetValue<string>();
        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matched = term switch
            {
                _ when term.Contains("!=", StringComparison.Ordinal) => Value(term.Split("!=")[0]) != term.Split("!=")[1],
                _ when term.Contains("==", StringComparison.Ordinal) => Value(term.Split("==")[0]) == term.Split("==")[1],
                _ when term.Contains('=', StringComparison.Ordinal) => Value(term.Split('=')[0]) == term.Split('=')[1],
                _ when term.StartsWith('!') => Value(term[1..]) is null,
                _ => Value(term) is not null,
            };
            if (!matched)
                return false;
        }
        return true;
    }
}
