using System.Globalization;
using System.Text;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// Makes text that may hold what the user typed safe to print on one line: control characters become visible
/// escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u001b</c>), so a value cannot start a line of its own (a fake
/// <c>warning:</c>) or drive the terminal.
/// </summary>
public static class InputText
{
    /// <summary><paramref name="text"/> with every control, line or paragraph separator character escaped.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
            return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
}
