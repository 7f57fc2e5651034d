using System.Net;
using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Comparison;
using Hangar.Policy.Kubernetes.Connection;
using Hangar.Policy.Kubernetes.Discovery;

namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>
/// Deletes the objects of one policy set that its current compilation no longer emits. It lists by the set's
/// ownership labels, checks the labels again on every object listed, and deletes with the listed uid as a
/// precondition, so that nothing without the labels, and nothing recreated meanwhile, is ever deleted.
/// </summary>
internal sealed class SetPruner(ClusterClient client, ResourceDiscovery discovery, Action<ObjectResult> log)
{
    public async Task<List<ObjectResult>> PruneAsync(string policySet, IReadOnlyList<DesiredObject> desired, ApplyOptions options,
        CancellationToken cancellationToken)
    {
        var keep = desired.Select(d => DesiredObject.Identity(d.Type.Group, d.Type.Kind, d.Emitted.Namespace ?? "default", d.Emitted.Name))
            .ToHashSet(StringComparer.Ordinal);
        var types = options.PruneTypes.Concat(desired.Select(d => (d.Type.ApiVersion, d.Type.Kind)))
            .DistinctBy(t => (ResourceType.Split(t.Item1).Group, t.Item2));

        var results = new List<ObjectResult>();
        foreach (var (apiVersion, kind) in types)
        {
            var type = await discovery.FindAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
            if (type is null)
                continue;

            var list = await client.GetAsync(
                $"{type.CollectionPath(null)}?labelSelector={Uri.EscapeDataString(Ownership.Selector(policySet))}",
                cancellationToken).ConfigureAwait(false);
            if (!list.IsSuccess)
            {
                var failed = new ObjectResult(apiVersion, kind, null, "*", ObjectOutcome.Failed,
                    KubernetesApiException.From($"listing {kind} objects of policy set '{policySet}' to prune", list).Message);
                log(failed);
                results.Add(failed);
                continue;
            }

            foreach (var item in (list.Body?["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var result = await PruneOneAsync(policySet, type, item, keep, options, cancellationToken).ConfigureAwait(false);
                if (result is null)
                    continue;
                log(result);
                results.Add(result);
            }
        }
        return results;
    }

    private async Task<ObjectResult?> PruneOneAsync(string policySet, ResourceType type, JsonObject item, HashSet<string> keep,
        ApplyOptions options, CancellationToken cancellationToken)
    {
        var name = item["metadata"]?["name"]?.GetValue<string>() ?? "";
        var ns = type.Namespaced ? item["metadata"]?["namespace"]?.GetValue<string>() : null;

        // The selector is the server's promise; the labels are checked here again so that nothing else is deleted.
        if (keep.Contains(DesiredObject.Identity(type.Group, type.Kind, ns ?? "default", name)) || !Ownership.IsOwnedBy(item, policySet))
            return null;

        // The listed object's kind and apiVersion are absent from list items; the diff shows it as the type lists it.
        item["apiVersion"] = type.ApiVersion;
        item["kind"] = type.Kind;
        var uid = item["metadata"]?["uid"]?.GetValue<string>();
        var deleteOptions = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "DeleteOptions",
            ["propagationPolicy"] = "Background",
        };
        if (uid is not null)
            deleteOptions["preconditions"] = new JsonObject { ["uid"] = uid };

        var response = await client.SendAsync(HttpMethod.Delete, type.ObjectPath(ns, name) + (options.DryRun ? "?dryRun=All" : ""),
            deleteOptions.ToJsonString(), "application/json", cancellationToken).ConfigureAwait(false);
        var result = new ObjectResult(type.ApiVersion, type.Kind, ns, name, ObjectOutcome.Pruned, null);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        if (!response.IsSuccess)
        {
            var error = KubernetesApiException.From($"pruning {result.Display}", response);
            return result with { Outcome = ObjectOutcome.Failed, Message = error.Message };
        }

        var label = $"{type.Group}{(type.Group.Length == 0 ? "" : ".")}{type.Version}.{type.Kind}.{(ns is null ? "" : ns + ".")}{name}";
        return result with { Diff = UnifiedDiff.Create($"live/{label}", ComparableObject.Yaml(item), $"desired/{label}", "") };
    }
}
