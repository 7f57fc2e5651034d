using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Connection;
using Hangar.Policy.Kubernetes.Discovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NuGet.Versioning;

namespace Hangar.Policy.Kubernetes.Engines;

/// <summary>
/// Finds which enforcement engines a cluster has and their versions. NetworkPolicy: the networking.k8s.io/v1
/// API, versioned as the cluster's Kubernetes version. Tetragon and KubeArmor: their CRDs through the
/// apiextensions API; Falco: its DaemonSet. Versions come from the engines' DaemonSet image tags, else (Tetragon)
/// from the CRD's schema-version label.
/// </summary>
public sealed class EngineDetector
{
    private readonly ClusterClient _client;
    private readonly ResourceDiscovery _discovery;
    private readonly ILogger _logger;

    /// <summary>Detects through <paramref name="client"/>.</summary>
    public EngineDetector(ClusterClient client, ResourceDiscovery? discovery = null, ILogger? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _discovery = discovery ?? new ResourceDiscovery(client);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Detects every known engine, NetworkPolicy first.</summary>
    public async Task<EngineDetection> DetectAsync(CancellationToken cancellationToken = default)
    {
        var engines = ImmutableArray.CreateBuilder<DetectedEngine>();
        engines.Add(await NetworkPolicyAsync(cancellationToken).ConfigureAwait(false));
        foreach (var probe in EngineProbe.Known)
            engines.Add(await ProbeAsync(probe, cancellationToken).ConfigureAwait(false));

        foreach (var engine in engines)
            _logger.LogInformation("engine {Engine}", engine);
        return new EngineDetection(engines.ToImmutable());
    }

    private async Task<DetectedEngine> NetworkPolicyAsync(CancellationToken cancellationToken)
    {
        var type = await _discovery.FindAsync("networking.k8s.io/v1", "NetworkPolicy", cancellationToken).ConfigureAwait(false);
        if (type is null)
            return new DetectedEngine("networkpolicy", false, null, "the API server does not serve networking.k8s.io/v1 NetworkPolicy");

        var version = await _client.GetAsync("/version", cancellationToken).ConfigureAwait(false);
        var gitVersion = version.IsSuccess ? version.Body?["gitVersion"]?.GetValue<string>() : null;
        return new DetectedEngine("networkpolicy", true, ParseVersion(gitVersion),
            $"networking.k8s.io/v1 served by Kubernetes {gitVersion ?? "of unknown version"}; " +
            "enforcement depends on the CNI plugin");
    }

    private async Task<DetectedEngine> ProbeAsync(EngineProbe probe, CancellationToken cancellationToken)
    {
        JsonObject? crd = null;
        if (probe.Crd is not null)
        {
            var answer = await _client.GetAsync(
                $"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{probe.Crd}", cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode == HttpStatusCode.NotFound)
                return new DetectedEngine(probe.Name, false, null, $"CustomResourceDefinition {probe.Crd} is not installed");
            crd = answer.Object($"reading CustomResourceDefinition {probe.Crd}");
        }

        var (image, workloadNote) = await WorkloadImageAsync(probe, cancellationToken).ConfigureAwait(false);
        if (image is not null && ParseVersion(Tag(image)) is { } imageVersion)
            return new DetectedEngine(probe.Name, true, imageVersion, $"DaemonSet image {image}");

        if (crd is null)
            return new DetectedEngine(probe.Name, false, null, workloadNote);

        var schemaVersion = probe.SchemaVersionLabel is null
            ? null
            : crd["metadata"]?["labels"]?[probe.SchemaVersionLabel]?.GetValue<string>();
        if (ParseVersion(schemaVersion) is { } schema)
        {
            // The CRD schema version moves with the engine's minor release (schema 1.7.x ships with 1.7).
            var release = new NuGetVersion(schema.Major, schema.Minor, 0);
            return new DetectedEngine(probe.Name, true, release,
                $"CustomResourceDefinition {probe.Crd} with schema version {schemaVersion}; {workloadNote}");
        }
        return new DetectedEngine(probe.Name, true, null, $"CustomResourceDefinition {probe.Crd} installed; {workloadNote}");
    }

    private async Task<(string? Image, string Note)> WorkloadImageAsync(EngineProbe probe, CancellationToken cancellationToken)
    {
        var answer = await _client.GetAsync(
            $"/apis/apps/v1/daemonsets?labelSelector={Uri.EscapeDataString(probe.WorkloadSelector)}", cancellationToken)
            .ConfigureAwait(false);
        if (!answer.IsSuccess)
            return (null, $"DaemonSets could not be listed ({(int)answer.StatusCode}), so the version is unknown");

        var images = (answer.Body?["items"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(d => d["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? [])
            .Select(c => c?["image"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        return images.Count == 0
            ? (null, $"no DaemonSet labelled {probe.WorkloadSelector} found")
            : (images.FirstOrDefault(i => ParseVersion(Tag(i)) is not null) ?? images[0], "");
    }

    /// <summary>The tag of an image reference, or null (digest-only or untagged).</summary>
    public static string? Tag(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var withoutDigest = image.Split('@')[0];
        var colon = withoutDigest.LastIndexOf(':');
        return colon > withoutDigest.LastIndexOf('/') ? withoutDigest[(colon + 1)..] : null;
    }

    /// <summary>Parses <c>v1.7.0</c>, <c>1.31.2+k3s1</c> and the like; null when not a version.</summary>
    public static NuGetVersion? ParseVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.TrimStart('v', 'V');
        return NuGetVersion.TryParse(trimmed, out var version) ? version : null;
    }
}
