using System.Text;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// The plain tables the verbs print: a header row, columns separated by two spaces and padded to the widest
/// cell, the last column (a reason or evidence, often long) left as it is.
/// </summary>
public static class TextTable
{
    /// <summary>The rows as lines, each ending with '\n'; every row has as many cells as the first.</summary>
    public static string Format(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return "";

        var padded = rows[0].Count - 1;
        var widths = Enumerable.Range(0, padded).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < padded; i++)
                text.Append(row[i].PadRight(widths[i])).Append("  ");
            text.Append(row[padded]).Append('\n');
        }
        return text.ToString();
    }
}
