using System.Text;

namespace Hangar.Policy.Falco;

/// <summary>
/// Writes values into Falco conditions as double-quoted strings, escaped the way Falco's lexer reads them:
/// <c>\\</c>, <c>\"</c> and <c>\b \f \n \r \t</c>, nothing else.
/// </summary>
/// <remarks>
/// Falco's lexer decides whether a quote ends a string by looking at the character before it, so a value whose
/// escaped form ends in <c>\\</c> (a value ending in a backslash) never terminates and swallows the rest of the
/// condition. Such values, and control characters that have no escape, are refused rather than emitted.
/// </remarks>
public static class FalcoStrings
{
    /// <summary>
    /// The quoted form of <paramref name="value"/>, or null with <paramref name="problem"/> saying why the value
    /// cannot be written safely.
    /// </summary>
    public static string? Quote(string value, out string problem)
    {
        problem = "";
        if (value.EndsWith('\\'))
        {
            problem = $"'{Printable(value)}' ends in a backslash, which Falco's lexer reads as an escaped closing quote";
            return null;
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '"': text.Append("\\\""); break;
                case '\b': text.Append(@"\b"); break;
                case '\f': text.Append(@"\f"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        problem = $"'{Printable(value)}' contains the control character U+{(int)c:X4}, which a Falco string cannot hold";
                        return null;
                    }
                    text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary><paramref name="value"/> with control characters written as escapes, for messages.</summary>
    public static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
