using System.Text.Json.Nodes;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>One Falco rules file as the engine loads it: its lists, its macros and its enabled rules, conditions parsed.</summary>
internal sealed class FalcoRulesFile
{
    private readonly Dictionary<string, IReadOnlyList<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _macroText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FalcoCondition> _macros = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonObject, FalcoCondition> _conditions = new(ReferenceEqualityComparer.Instance);

    private FalcoRulesFile()
    {
    }

    /// <summary>The enabled rules, in file order.</summary>
    public List<JsonObject> Rules { get; } = [];

    /// <summary>Reads the YAML text of a rules file; throws when it holds what the kit does not evaluate.</summary>
    public static FalcoRulesFile Read(string yaml)
    {
        var file = new FalcoRulesFile();
        foreach (var document in ManifestReader.ReadYamlDocuments(yaml))
        {
            foreach (var item in (document as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (item.Has("override") || item.Str("append") == "true")
                    throw new NotSupportedException("Falco rule items that override or append are not evaluated by the testing kit");
                if (item.Str("list") is { } list)
                    file._lists[list] = [.. item.Strings("items")];
                else if (item.Str("macro") is { } macro)
                    file._macroText[macro] = item.Str("condition") ?? "";
                else if (item.Str("rule") is not null && item.Str("enabled") != "false")
                    file.Rules.Add(item);
            }
        }
        return file;
    }

    /// <summary>The parsed condition of <paramref name="rule"/>.</summary>
    public FalcoCondition Condition(JsonObject rule)
    {
        if (!_conditions.TryGetValue(rule, out var condition))
            _conditions[rule] = condition = FalcoConditionParser.Parse(rule.Str("condition") ?? "", _lists);
        return condition;
    }

    /// <summary>The parsed condition of the macro <paramref name="name"/>; throws when the file defines none.</summary>
    public FalcoCondition Macro(string name)
    {
        if (_macros.TryGetValue(name, out var condition))
            return condition;
        if (!_macroText.TryGetValue(name, out var text))
            throw new FormatException($"'{name}' is neither a field comparison nor a macro of the rules file");
        return _macros[name] = FalcoConditionParser.Parse(text, _lists);
    }
}
