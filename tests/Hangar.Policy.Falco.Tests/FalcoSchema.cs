using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hangar.Policy.Falco.Tests;

/// <summary>The upstream falco_rule_schema.json.</summary>
internal static class FalcoSchema
{
    private static readonly Lazy<JsonSchema?> Schema = new(Load);

    public const string MissingReason =
        "upstream Falco rules schema not found: set HANGAR_UPSTREAM to the upstream data folder (with falco/falco_rule_schema.json)";

    public static JsonSchema? Get() => Schema.Value;

    private static JsonSchema? Load()
    {
        if (RepoPaths.Upstream is not { } upstream || !File.Exists(Path.Combine(upstream, "falco", "falco_rule_schema.json")))
            return null;
        var text = File.ReadAllText(Path.Combine(upstream, "falco", "falco_rule_schema.json"));
        var options = new BuildOptions { Dialect = Dialect.Draft06.With([], allowUnknownKeywords: true) };
        return JsonSchema.FromText(text, options, new Uri("https://hangar.test/falco/falco_rule_schema.json"));
    }

    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, without details")];
    }
}
