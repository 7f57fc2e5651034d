using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Connection;
using Hangar.Policy.Kubernetes.Discovery;
using Json.Schema;

namespace Hangar.Policy.Kubernetes.Schemas;

/// <summary>
/// Validates custom resources against the <c>openAPIV3Schema</c> of the CRD the cluster actually serves, read
/// through the apiextensions API and converted by <see cref="CrdSchemaConverter"/>, so that an emitter newer or
/// older than the installed engine is caught before anything is written.
/// </summary>
public sealed class ServedSchemas
{
    private readonly ClusterClient _client;
    private readonly ConcurrentDictionary<string, Lazy<Task<Served>>> _schemas = new(StringComparer.Ordinal);

    /// <summary>Reads CRDs through <paramref name="client"/>.</summary>
    public ServedSchemas(ClusterClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>
    /// The violations of <paramref name="body"/> against the schema served for <paramref name="type"/>: empty when
    /// valid, and empty too for a built-in type (no CRD), which the API server validates itself.
    /// </summary>
    public async Task<IReadOnlyList<SchemaViolation>> ValidateAsync(ResourceType type, JsonObject body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(body);

        var served = await _schemas.GetOrAdd($"{type.Plural}.{type.Group}/{type.Version}",
            _ => new Lazy<Task<Served>>(() => LoadAsync(type, cancellationToken))).Value.ConfigureAwait(false);
        if (served.Problem is not null)
            return [new SchemaViolation("", served.Problem)];
        if (served.Schema is null)
            return [];

        using var document = JsonDocument.Parse(body.ToJsonString());
        var results = served.Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];

        return [.. (results.Details ?? [results])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => Describe(d, e.Value)))
            .Distinct()
            .OrderBy(v => v.Path, StringComparer.Ordinal)];
    }

    private static SchemaViolation Describe(EvaluationResults detail, string error)
    {
        var path = detail.InstanceLocation.ToString();
        if (detail.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            var field = path[(path.LastIndexOf('/') + 1)..];
            return new SchemaViolation(path,
                $"field '{field}' is not in the schema the cluster serves; upgrade the engine's CRDs or target " +
                "the installed engine version");
        }
        return new SchemaViolation(path, error);
    }

    private async Task<Served> LoadAsync(ResourceType type, CancellationToken cancellationToken)
    {
        var name = $"{type.Plural}.{type.Group}";
        var response = await _client.GetAsync(
            $"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{name}", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound || type.Group.Length == 0)
            return new Served(null, null);

        var crd = response.Object($"reading CustomResourceDefinition {name}");
        var version = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(v => v["name"]?.GetValue<string>() == type.Version);
        if (version is null || version["served"]?.GetValue<bool>() != true)
        {
            return new Served(null,
                $"CustomResourceDefinition {name} does not serve version {type.Version}; install an engine " +
                "version that serves it or target the version the cluster has");
        }

        var openApi = version["schema"]?["openAPIV3Schema"] as JsonObject
            ?? crd["spec"]?["validation"]?["openAPIV3Schema"] as JsonObject;
        if (openApi is null)
            return new Served(null, null);

        var converted = CrdSchemaConverter.Convert(openApi);
        var options = new BuildOptions { Dialect = Json.Schema.Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() };
        var schema = JsonSchema.FromText(converted.ToJsonString(), options,
            new Uri($"https://hangar.dev/served/{name}/{type.Version}"));
        return new Served(schema, null);
    }

    private sealed record Served(JsonSchema? Schema, string? Problem);
}
