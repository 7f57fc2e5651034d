namespace Hangar.Policy.Model;

/// <summary>Names and parsing of <see cref="LinuxCapability"/> values.</summary>
public static class LinuxCapabilities
{
    private static readonly Dictionary<string, LinuxCapability> ByName =
        Enum.GetValues<LinuxCapability>().ToDictionary(Name, c => c, StringComparer.Ordinal);

    /// <summary>Every capability, by number.</summary>
    public static IReadOnlyList<LinuxCapability> All { get; } = [.. Enum.GetValues<LinuxCapability>().Order()];

    /// <summary>The kernel name without the <c>CAP_</c> prefix, upper case: <c>NET_RAW</c>.</summary>
    public static string Name(LinuxCapability capability) =>
        string.Concat(capability.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{char.ToUpperInvariant(c)}"));

    /// <summary>
    /// Parses <c>NET_RAW</c>, <c>CAP_NET_RAW</c> or <c>net_raw</c> (any case, with or without the prefix).
    /// </summary>
    public static bool TryParse(string? text, out LinuxCapability capability)
    {
        capability = default;
        if (string.IsNullOrEmpty(text))
            return false;
        var upper = text.ToUpperInvariant();
        if (upper.StartsWith("CAP_", StringComparison.Ordinal))
            upper = upper[4..];
        return ByName.TryGetValue(upper, out capability);
    }

    /// <summary>The known name closest to <paramref name="text"/>, for a fix suggestion, or null.</summary>
    public static string? Suggest(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var upper = text.ToUpperInvariant().Replace('-', '_').Replace(' ', '_');
        if (upper.StartsWith("CAP_", StringComparison.Ordinal))
            upper = upper[4..];
        var best = ByName.Keys.Select(k => (Name: k, Distance: Distance(k, upper))).MinBy(p => p.Distance);
        return best.Distance <= Math.Max(2, upper.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
