namespace Hangar.Policy.Falco;

/// <summary>
/// Builds Falco condition text from clauses, quoting every embedded value with <see cref="FalcoStrings"/>. The
/// first value that cannot be quoted safely is kept in <see cref="Problem"/> and the condition is not used.
/// </summary>
internal sealed class FalcoCondition
{
    private readonly List<string> _clauses = [];

    /// <summary>Why a value could not be quoted, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Adds a clause as written (field names, operators, already-safe tokens).</summary>
    public FalcoCondition And(string clause)
    {
        _clauses.Add(clause);
        return this;
    }

    /// <summary>The quoted form of <paramref name="value"/>, recording a problem when it cannot be quoted.</summary>
    public string Quote(string value)
    {
        var quoted = FalcoStrings.Quote(value, out var problem);
        if (quoted is null)
        {
            Problem ??= problem;
            return "\"\"";
        }
        return quoted;
    }

    /// <summary>A parenthesized, comma-separated list of quoted values.</summary>
    public string List(IEnumerable<string> values) => $"({string.Join(", ", values.Select(Quote))})";

    /// <summary>
    /// A clause matching <paramref name="field"/> against paths: equal to a file, or below a directory (ending in '/').
    /// </summary>
    public string Paths(string field, IEnumerable<Rules.PathMatch> paths)
    {
        var list = paths.ToList();
        var parts = new List<string>();
        var files = list.Where(p => !p.IsDirectory).Select(p => p.Path).ToList();
        if (files.Count > 0)
            parts.Add($"{field} in {List(files)}");
        parts.AddRange(list.Where(p => p.IsDirectory).Select(p => $"{field} startswith {Quote(p.Path)}"));
        return parts.Count == 1 ? parts[0] : $"({string.Join(" or ", parts)})";
    }

    /// <summary>The clauses joined by <c>and</c>, one per line, for a YAML block scalar.</summary>
    public override string ToString() => string.Join("\nand ", _clauses);
}
