using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hangar.Policy.Output;

/// <summary>
/// Writes <see cref="ObjectNode"/> trees as block YAML. Strings that a YAML 1.1 or 1.2 reader would take for a
/// number, boolean, null or timestamp are quoted; multi-line strings become literal blocks.
/// </summary>
public static partial class YamlText
{
    /// <summary>Writes one document (no leading <c>---</c>), ending in a newline.</summary>
    public static string Write(object? root)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, bestIndent: 2, bestWidth: int.MaxValue);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        EmitValue(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void EmitValue(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case string s:
                EmitString(emitter, s);
                break;
            case bool b:
                emitter.Emit(new Scalar(null, null, b ? "true" : "false", ScalarStyle.Plain, true, false));
                break;
            case int or long or short or byte or uint or ulong:
                emitter.Emit(new Scalar(null, null, Convert.ToString(value, CultureInfo.InvariantCulture)!,
                    ScalarStyle.Plain, true, false));
                break;
            case ObjectNode node:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, item) in node)
                {
                    EmitString(emitter, key);
                    EmitValue(emitter, item);
                }
                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                emitter.Emit(new SequenceStart(null, null, true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in items)
                    EmitValue(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new NotSupportedException($"cannot write a {value.GetType().Name} as YAML; use strings, "
                    + "integers, booleans, ObjectNode or lists");
        }
    }

    private static void EmitString(IEmitter emitter, string value)
    {
        var style = value.Contains('\n') ? ScalarStyle.Literal
            : NeedsQuotes(value) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, value, style, style == ScalarStyle.Any, true));
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || value != value.Trim() || ImplicitlyTyped().IsMatch(value);

    // YAML 1.1 booleans and nulls, integers in any base, floats, and timestamps all resolve to non-strings.
    [GeneratedRegex(
        @"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~"
        + @"|[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*"
        + @"|(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|\.inf|\.Inf|\.INF)"
        + @"|\.nan|\.NaN|\.NAN|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$")]
    private static partial Regex ImplicitlyTyped();
}
