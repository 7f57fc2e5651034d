using System.Text;

namespace Hangar.Policy.Kubernetes.Comparison;

/// <summary>A line diff in the unified format <c>diff -u</c> and <c>kubectl diff</c> print.</summary>
public static class UnifiedDiff
{
    /// <summary>
    /// The unified diff from <paramref name="before"/> to <paramref name="after"/> with
    /// <paramref name="context"/> lines of context, or an empty string when they are equal.
    /// </summary>
    public static string Create(string beforeName, string before, string afterName, string after, int context = 3)
    {
        if (before == after)
            return "";

        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        var text = new StringBuilder();
        text.Append("--- ").Append(beforeName).Append('\n');
        text.Append("+++ ").Append(afterName).Append('\n');

        var changed = edits.Select((e, i) => (e, i)).Where(p => p.e.Op != ' ').Select(p => p.i).ToList();
        var index = 0;
        while (index < changed.Count)
        {
            var start = Math.Max(0, changed[index] - context);
            var end = changed[index];
            while (index + 1 < changed.Count && changed[index + 1] - end <= 2 * context)
                end = changed[++index];
            end = Math.Min(edits.Count - 1, end + context);
            index++;

            var hunk = edits.GetRange(start, end - start + 1);
            var aStart = edits.Take(start).Count(e => e.Op != '+');
            var bStart = edits.Take(start).Count(e => e.Op != '-');
            var aCount = hunk.Count(e => e.Op != '+');
            var bCount = hunk.Count(e => e.Op != '-');
            text.Append($"@@ -{Range(aStart, aCount)} +{Range(bStart, bCount)} @@\n");
            foreach (var (op, line) in hunk)
                text.Append(op).Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : $"{start + 1},{count}";

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    // A longest-common-subsequence walk; objects are small enough for the quadratic table.
    private static List<(char Op, string Line)> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x]));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x++]));
            }
            else
            {
                edits.Add(('+', b[y++]));
            }
        }
        return edits;
    }
}
