using System.Text;
using Hangar.Policy.Compilation;
using Hangar.Policy.Output;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>The coverage matrix as text: an aligned table, JSON rows, or a Markdown table.</summary>
public static class CoverageReport
{
    /// <summary>The status as printed: <c>enforced</c>, <c>widened</c>, <c>partial</c>, <c>detected</c> or
    /// <c>unsupported</c>.</summary>
    public static string StatusName(CoverageStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A JSON array of <c>{rule, backend, status, reason}</c>, one per rule and backend, indented.</summary>
    public static string Json(CoverageMatrix matrix)
    {
        var rows = matrix.Entries.Select(e => new ObjectNode
        {
            ["rule"] = e.RuleId.Value,
            ["backend"] = e.Backend,
            ["status"] = StatusName(e.Status),
            ["reason"] = e.Reason,
        }).ToList();
        return JsonText.Write(rows, indented: true).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>A plain table with a header row, columns aligned; the reason column is not truncated.</summary>
    public static string Table(CoverageMatrix matrix)
    {
        List<IReadOnlyList<string>> rows = [["RULE", "BACKEND", "STATUS", "REASON"]];
        rows.AddRange(matrix.Entries.Select(e => (IReadOnlyList<string>)[e.RuleId.Value, e.Backend, StatusName(e.Status), e.Reason]));
        return TextTable.Format(rows) + Summary(matrix) + "\n";
    }

    /// <summary>A Markdown table, one row per rule and backend, followed by the per-status totals.</summary>
    public static string Markdown(CoverageMatrix matrix)
    {
        var text = new StringBuilder("| rule | backend | status | reason |\n|---|---|---|---|\n");
        foreach (var e in matrix.Entries)
            text.Append($"| `{e.RuleId.Value}` | {e.Backend} | {StatusName(e.Status)} | {Cell(e.Reason)} |\n");
        text.Append('\n').Append(Summary(matrix)).Append('\n');
        return text.ToString();
    }

    /// <summary>Totals per backend, e.g. <c>networkpolicy: 5 enforced, 1 unsupported</c>.</summary>
    public static string Summary(CoverageMatrix matrix)
    {
        if (matrix.Backends.Length == 0)
            return $"{matrix.Rules.Length} rules; no engine selected";

        string Totals(string backend) => string.Join(", ", matrix.Entries
            .Where(e => string.Equals(e.Backend, backend, StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.Status).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {StatusName(g.Key)}"));
        return string.Join("; ", matrix.Backends.Select(b => $"{b}: {Totals(b)}"));
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
