using System.Text;

namespace Hangar.Policy.Falco.Tests;

/// <summary>
/// Reads the quoted strings of a condition the way Falco's lexer does (libs parser.h): <c>"…"</c> or <c>'…'</c>,
/// escapes <c>\\ \" \' \b \f \n \r \t \/</c> only, a quote ending the string unless the character before it is a
/// backslash. Used to prove that every value the backend embeds decodes back to itself.
/// </summary>
internal static class FalcoLexer
{
    public static IReadOnlyList<string> Strings(string condition)
    {
        var found = new List<string>();
        var depth = 0;
        for (var i = 0; i < condition.Length; i++)
        {
            var c = condition[i];
            if (c is '(')
                depth++;
            else if (c is ')')
                Assert.True(--depth >= 0, $"a parenthesis closes that never opened in: {condition}");
            if (c is not ('"' or '\''))
                continue;

            var quote = c;
            var text = new StringBuilder();
            for (i++; ; i++)
            {
                Assert.True(i < condition.Length, $"unterminated string in: {condition}");
                var d = condition[i];
                // A closing quote right after an escaped backslash is taken for an escaped quote by Falco's lexer.
                if (d == quote)
                {
                    Assert.True(condition[i - 1] != '\\', $"a string ends in an escaped backslash, which Falco never ends: {condition}");
                    break;
                }
                if (d != '\\')
                {
                    text.Append(d);
                    continue;
                }
                var e = condition[++i];
                text.Append(e switch
                {
                    '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t',
                    '"' when quote == '"' => '"',
                    '\'' when quote == '\'' => '\'',
                    _ => throw new Xunit.Sdk.XunitException($"unsupported escape \\{e} in: {condition}"),
                });
            }
            found.Add(text.ToString());
        }
        Assert.Equal(0, depth);
        return found;
    }
}
