using System.Text;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// Parses Falco's condition language, as far as rules files of policies use it: <c>and</c>, <c>or</c>, <c>not</c>,
/// parentheses, comparisons (<c>= == != &lt; &lt;= &gt; &gt;=</c>, <c>in</c>, <c>startswith</c>, <c>endswith</c>,
/// <c>contains</c>, <c>icontains</c>, <c>exists</c>), fields with an argument (<c>k8s.pod.label[app]</c>), bare and
/// quoted values with Falco's escapes, and macro and list names. Anything else throws <see cref="FormatException"/>.
/// </summary>
internal sealed class FalcoConditionParser
{
    private static readonly HashSet<string> WordOperators =
        new(["in", "startswith", "endswith", "contains", "icontains", "exists", "intersects", "pmatch", "glob", "bcontains"],
            StringComparer.Ordinal);

    private readonly List<(string Text, bool Quoted)> _tokens;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _lists;
    private int _next;

    private FalcoConditionParser(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        _tokens = Tokenize(text);
        _lists = lists;
    }

    /// <summary>Parses <paramref name="text"/>; list names inside <c>in (…)</c> expand to their items.</summary>
    public static FalcoCondition Parse(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        var parser = new FalcoConditionParser(text, lists);
        var condition = parser.ParseOr();
        if (parser._next != parser._tokens.Count)
            throw new FormatException($"unexpected '{parser._tokens[parser._next].Text}' in Falco condition: {text}");
        return condition;
    }

    private FalcoCondition ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            _next++;
            left = new FalcoCondition.Or(left, ParseAnd());
        }
        return left;
    }

    private FalcoCondition ParseAnd()
    {
        var left = ParseNot();
        while (IsWord("and"))
        {
            _next++;
            left = new FalcoCondition.And(left, ParseNot());
        }
        return left;
    }

    private FalcoCondition ParseNot()
    {
        if (!IsWord("not"))
            return ParsePrimary();
        _next++;
        return new FalcoCondition.Not(ParseNot());
    }

    private FalcoCondition ParsePrimary()
    {
        var (text, quoted) = Take("a field, a macro or '('");
        if (text == "(" && !quoted)
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }
        if (quoted)
            throw new FormatException($"a quoted string \"{text}\" cannot start a condition");

        if (_next >= _tokens.Count || IsWord("and") || IsWord("or") || Peek() == ")")
            return new FalcoCondition.Macro(text);

        var op = Take("an operator").Text;
        if (op == "exists")
            return new FalcoCondition.Compare(text, op, []);
        if (op is "=" or "==" or "!=" or "<" or "<=" or ">" or ">=" or "startswith" or "endswith" or "contains" or "icontains"
            or "bcontains" or "glob")
            return new FalcoCondition.Compare(text, op == "==" ? "=" : op, [Take("a value").Text]);
        if (op is "in" or "intersects" or "pmatch")
            return new FalcoCondition.Compare(text, op, ParseList());
        throw new FormatException($"'{op}' after field {text} is not a Falco operator");
    }

    private List<string> ParseList()
    {
        Expect("(");
        var values = new List<string>();
        while (true)
        {
            var (value, quoted) = Take("a value or ')'");
            if (value == ")" && !quoted && values.Count == 0)
                return values;
            // A list's items are condition text: a quoted item is a string, written with its quotes.
            if (!quoted && _lists.TryGetValue(value, out var items))
                values.AddRange(items.Select(item => Tokenize(item) is [var only] ? only.Item1 : item));
            else
                values.Add(value);
            var separator = Take("',' or ')'").Text;
            if (separator == ")")
                return values;
            if (separator != ",")
                throw new FormatException($"expected ',' or ')' in a Falco list, found '{separator}'");
        }
    }

    private bool IsWord(string word) => _next < _tokens.Count && !_tokens[_next].Quoted && _tokens[_next].Text == word;

    private string? Peek() => _next < _tokens.Count && !_tokens[_next].Quoted ? _tokens[_next].Text : null;

    private (string Text, bool Quoted) Take(string expected) =>
        _next < _tokens.Count ? _tokens[_next++] : throw new FormatException($"the Falco condition ends where {expected} was expected");

    private void Expect(string token)
    {
        var (text, quoted) = Take($"'{token}'");
        if (text != token || quoted)
            throw new FormatException($"expected '{token}' in a Falco condition, found '{text}'");
    }

    private static List<(string, bool)> Tokenize(string text)
    {
        var tokens = new List<(string, bool)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add((c.ToString(), false));
                i++;
            }
            else if (c is '"' or '\'')
            {
                tokens.Add((Quoted(text, ref i), true));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < text.Length && text[i + 1] == '=';
                var op = text.Substring(i, two ? 2 : 1);
                if (op == "!")
                    throw new FormatException($"'!' without '=' in Falco condition: {text}");
                tokens.Add((op, false));
                i += op.Length;
            }
            else
            {
                tokens.Add((Bare(text, ref i), false));
            }
        }
        return tokens;
    }

    // A bare word ends at a space, a parenthesis, a comma, a quote or an operator; a field argument in [] may hold anything but ']'.
    private static string Bare(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i])
            && text[i] is not ('(' or ')' or ',' or '"' or '\'' or '=' or '!' or '<' or '>'))
        {
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                    throw new FormatException($"unclosed '[' in Falco condition: {text}");
                i = close;
            }
            i++;
        }
        return text[start..i];
    }

    private static string Quoted(string text, ref int i)
    {
        var quote = text[i++];
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
                throw new FormatException($"unterminated string in Falco condition: {text}");
            var c = text[i++];
            if (c == quote)
                return value.ToString();
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (i >= text.Length)
                throw new FormatException($"unterminated escape in Falco condition: {text}");
            var escaped = text[i++];
            value.Append(escaped switch
            {
                '\\' => '\\',
                '/' => '/',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                '"' when quote == '"' => '"',
                '\'' when quote == '\'' => '\'',
                _ => throw new FormatException($"'\\{escaped}' is not an escape Falco accepts inside {quote}…{quote}"),
            });
        }
    }
}
