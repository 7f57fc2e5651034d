using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hangar.Policy.Analyzers.Manifests;

/// <summary>
/// A small, strict JSON reader for tool manifests. The compiler host offers no JSON library that an analyzer
/// may load, and a manifest needs only objects, arrays, strings and booleans read.
/// </summary>
internal sealed class JsonText
{
    private readonly string _text;
    private int _at;

    private JsonText(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/> into dictionaries, lists, strings, booleans, doubles and nulls.</summary>
    /// <exception cref="FormatException">The text is not JSON; the message names the offset.</exception>
    public static object? Parse(string text)
    {
        var reader = new JsonText(text);
        var value = reader.Value();
        reader.SkipSpace();
        if (reader._at != text.Length)
            throw reader.Error("unexpected text after the JSON value");
        return value;
    }

    private object? Value()
    {
        SkipSpace();
        if (_at >= _text.Length)
            throw Error("unexpected end of text");
        switch (_text[_at])
        {
            case '{':
                return Object();
            case '[':
                return Array();
            case '"':
                return String();
            case 't':
                return Literal("true", true);
            case 'f':
                return Literal("false", false);
            case 'n':
                return Literal("null", null);
            default:
                return Number();
        }
    }

    private Dictionary<string, object?> Object()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _at++;
        SkipSpace();
        if (Peek() == '}')
        {
            _at++;
            return result;
        }
        while (true)
        {
            SkipSpace();
            if (Peek() != '"')
                throw Error("expected a property name");
            var key = String();
            SkipSpace();
            Expect(':');
            result[key] = Value();
            SkipSpace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }
            Expect('}');
            return result;
        }
    }

    private List<object?> Array()
    {
        var result = new List<object?>();
        _at++;
        SkipSpace();
        if (Peek() == ']')
        {
            _at++;
            return result;
        }
        while (true)
        {
            result.Add(Value());
            SkipSpace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }
            Expect(']');
            return result;
        }
    }

    private string String()
    {
        _at++;
        var builder = new StringBuilder();
        while (_at < _text.Length)
        {
            var c = _text[_at++];
            if (c == '"')
                return builder.ToString();
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (_at >= _text.Length)
                break;
            var escape = _text[_at++];
            switch (escape)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    if (_at + 4 > _text.Length)
                        throw Error("truncated \\u escape");
                    builder.Append((char)int.Parse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _at += 4;
                    break;
                default: builder.Append(escape); break;
            }
        }
        throw Error("unterminated string");
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
            throw Error($"expected '{word}'");
        _at += word.Length;
        return value;
    }

    private double Number()
    {
        var start = _at;
        while (_at < _text.Length && "+-0123456789.eE".IndexOf(_text[_at]) >= 0)
            _at++;
        var number = _text.Substring(start, _at - start);
        if (_at == start || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            throw Error("expected a JSON value");
        return n;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
            throw Error($"expected '{c}'");
        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            _at++;
    }

    private FormatException Error(string problem) => new($"{problem} at offset {_at}");
}
