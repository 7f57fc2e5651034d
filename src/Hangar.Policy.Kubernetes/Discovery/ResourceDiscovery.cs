using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Connection;

namespace Hangar.Policy.Kubernetes.Discovery;

/// <summary>
/// Finds how the API server serves a kind (its URL name and scope) through the discovery documents
/// <c>/api/v1</c> and <c>/apis/{group}/{version}</c>, each read once.
/// </summary>
public sealed class ResourceDiscovery
{
    private readonly ClusterClient _client;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ResourceType>?>>> _groupVersions = new(StringComparer.Ordinal);

    /// <summary>Discovers through <paramref name="client"/>.</summary>
    public ResourceDiscovery(ClusterClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The resource type of <paramref name="kind"/> in <paramref name="apiVersion"/>, or null when not served.</summary>
    public async Task<ResourceType?> FindAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var types = await ServedAsync(apiVersion, cancellationToken).ConfigureAwait(false);
        return types?.FirstOrDefault(t => t.Kind == kind);
    }

    /// <summary>The resource types <paramref name="apiVersion"/> serves, or null when the server does not serve it.</summary>
    public Task<IReadOnlyList<ResourceType>?> ServedAsync(string apiVersion, CancellationToken cancellationToken) =>
        _groupVersions.GetOrAdd(apiVersion, v => new Lazy<Task<IReadOnlyList<ResourceType>?>>(
            () => LoadAsync(v, cancellationToken))).Value;

    private async Task<IReadOnlyList<ResourceType>?> LoadAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var (group, version) = ResourceType.Split(apiVersion);
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        var response = await _client.GetAsync(path, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;

        var list = response.Object($"discovery of {apiVersion}");
        return [.. (list["resources"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(r => r["name"]?.GetValue<string>() is { } name && !name.Contains('/', StringComparison.Ordinal))
            .Select(r => new ResourceType(group, version, r["kind"]!.GetValue<string>(), r["name"]!.GetValue<string>(),
                r["namespaced"]?.GetValue<bool>() ?? false))];
    }
}
