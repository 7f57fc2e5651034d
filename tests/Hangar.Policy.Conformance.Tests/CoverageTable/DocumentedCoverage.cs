using System.Text.RegularExpressions;

namespace Hangar.Policy.Conformance.Tests.CoverageTable;

/// <summary>
/// The "Where the engines differ" table of docs/backends.md, read back: one row per intent, one cell per engine.
/// A cell starts with a status word (<c>enforced</c>, <c>widened</c>, <c>detected</c>, <c>unsupported</c> or any
/// status a backend adds later), optionally followed by a colon and free text for readers.
/// </summary>
internal sealed partial record DocumentedCoverage(IReadOnlyList<string> Engines, IReadOnlyList<DocumentedRow> Rows)
{
    public const string Section = "## Where the engines differ";

    public static string DocumentPath => Path.Combine(RepositoryRoot.Path, "docs", "backends.md");

    /// <summary>Reads the table from docs/backends.md; throws naming the line when the table is malformed.</summary>
    public static DocumentedCoverage Read()
    {
        var lines = File.ReadAllLines(DocumentPath);
        var start = Array.IndexOf(lines, Section);
        if (start < 0)
            throw new InvalidDataException($"docs/backends.md has no heading '{Section}'");

        var table = lines.Select((text, index) => (Text: text.Trim(), Line: index + 1)).Skip(start + 1)
            .SkipWhile(l => !l.Text.StartsWith('|')).TakeWhile(l => l.Text.StartsWith('|')).ToList();
        if (table.Count < 3)
            throw new InvalidDataException($"docs/backends.md: no table below '{Section}'");

        var header = Cells(table[0].Text);
        var engines = header.Skip(1).Select(h => h.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToList();
        var rows = new List<DocumentedRow>();
        foreach (var (text, line) in table.Skip(2))
        {
            var cells = Cells(text);
            if (cells.Count != header.Count)
                throw new InvalidDataException($"docs/backends.md line {line}: {cells.Count} cells, the header has {header.Count}");
            var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < cells.Count; i++)
            {
                var match = CellPattern().Match(cells[i]);
                if (!match.Success)
                    throw new InvalidDataException($"docs/backends.md line {line}, column {header[i]}: '{cells[i]}' does not start "
                        + "with a status word, optionally followed by ': ' and text (e.g. 'unsupported: no address matching')");
                statuses[engines[i - 1]] = match.Groups["status"].Value;
            }
            rows.Add(new DocumentedRow(cells[0], line, statuses));
        }
        return new DocumentedCoverage(engines, rows);
    }

    // Splits "| a | b `x|y` |" on the pipes that separate cells; a table cell cannot hold a bare pipe.
    private static List<string> Cells(string row) =>
        [.. row.Trim('|').Split('|').Select(c => c.Trim())];

    [GeneratedRegex("^(?<status>[a-z][a-z-]*)(: .+)?$")]
    private static partial Regex CellPattern();
}
