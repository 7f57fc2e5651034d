using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Comparison;
using Hangar.Policy.Kubernetes.Connection;
using Hangar.Policy.Kubernetes.Discovery;
using Hangar.Policy.Kubernetes.Schemas;
using Hangar.Policy.Output;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>
/// Applies a compiled policy set with server-side apply. First every object is checked without writing: it must
/// carry the set's ownership labels, its type must be served, and a custom resource must match the schema the
/// cluster serves; one failure stops the batch before any write. Then each object is read; an existing object is
/// compared with a <c>dryRun=All</c> apply of the desired one, and written only when they differ, so re-applying
/// an unchanged set performs no write at all. Objects without the set's labels are never touched.
/// </summary>
public sealed class PolicyApplier
{
    private const string ApplyPatch = "application/apply-patch+yaml";

    private readonly ClusterClient _client;
    private readonly ResourceDiscovery _discovery;
    private readonly ServedSchemas _schemas;
    private readonly ILogger _logger;
    private readonly IApplyProgress? _progress;

    /// <summary>Applies through <paramref name="client"/>, logging one line per object to <paramref name="logger"/>.</summary>
    public PolicyApplier(ClusterClient client, ILogger? logger = null, IApplyProgress? progress = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _discovery = new ResourceDiscovery(client);
        _schemas = new ServedSchemas(client);
        _logger = logger ?? NullLogger.Instance;
        _progress = progress;
    }

    /// <summary>Applies <paramref name="objects"/>, the whole output of one compilation of <paramref name="policySet"/>.</summary>
    public async Task<ApplyReport> ApplyAsync(string policySet, IReadOnlyList<EmittedObject> objects, ApplyOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(policySet);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(options);

        var (desired, problems) = await PreflightAsync(policySet, objects, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            var blocked = problems.Count;
            var results = objects.Select(o => problems.GetValueOrDefault(o) ?? Skipped(o, blocked)).ToImmutableArray();
            foreach (var result in results)
                Log(result, options.DryRun);
            return new ApplyReport(policySet, options.DryRun, results, ["nothing was written: fix the failed objects first"]);
        }

        var total = desired.Count;
        var done = 0;
        var applied = new ConcurrentDictionary<int, ObjectResult>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(desired.Select((d, i) => (d, i)), parallel, async (item, token) =>
        {
            var result = await ApplyOneAsync(policySet, item.d, options, token).ConfigureAwait(false);
            applied[item.i] = result;
            Log(result, options.DryRun);
            _progress?.Report(Interlocked.Increment(ref done), total, result);
        }).ConfigureAwait(false);

        var ordered = Enumerable.Range(0, total).Select(i => applied[i]).ToList();
        var notes = new List<string>();
        if (options.Prune)
        {
            if (ordered.Any(r => r.IsProblem))
            {
                notes.Add("prune skipped: some objects were not applied, and deleting while the set is half applied " +
                    "could widen or narrow enforcement unexpectedly; fix them and apply again");
            }
            else
            {
                var pruner = new SetPruner(_client, _discovery, r => Log(r, options.DryRun));
                ordered.AddRange(await pruner.PruneAsync(policySet, desired, options, cancellationToken).ConfigureAwait(false));
            }
        }
        _progress?.Complete();
        return new ApplyReport(policySet, options.DryRun, [.. ordered], [.. notes]);
    }

    /// <summary>
    /// What applying would change, as a dry-run apply with a diff per object (see <see cref="ObjectResult.Diff"/>).
    /// With <paramref name="prune"/>, the objects prune would delete are included.
    /// </summary>
    public Task<ApplyReport> DiffAsync(string policySet, IReadOnlyList<EmittedObject> objects, bool prune = false,
        CancellationToken cancellationToken = default) =>
        ApplyAsync(policySet, objects, new ApplyOptions { DryRun = true, Prune = prune }, cancellationToken);

    private async Task<(List<DesiredObject> Desired, Dictionary<EmittedObject, ObjectResult> Problems)> PreflightAsync(
        string policySet, IReadOnlyList<EmittedObject> objects, CancellationToken cancellationToken)
    {
        var desired = new List<DesiredObject>();
        var problems = new Dictionary<EmittedObject, ObjectResult>(ReferenceEqualityComparer.Instance);
        foreach (var obj in objects)
        {
            var body = ComparableObject.ToJson(obj.Body);
            var failed = new ObjectResult(obj.ApiVersion, obj.Kind, obj.Namespace, obj.Name, ObjectOutcome.Failed, null);
            if (!Ownership.IsOwnedBy(body, policySet))
            {
                problems[obj] = failed with
                {
                    Message = $"the object lacks the ownership labels {Ownership.Selector(policySet)}; emit it with " +
                        "ObjectMetadata.Create so that prune can tell it is this set's",
                };
                continue;
            }

            var type = await _discovery.FindAsync(obj.ApiVersion, obj.Kind, cancellationToken).ConfigureAwait(false);
            if (type is null)
            {
                problems[obj] = failed with
                {
                    Message = $"the cluster does not serve {obj.ApiVersion} {obj.Kind}; install the engine that " +
                        "provides it, or drop its backend (detection skips missing engines)",
                };
                continue;
            }

            var violations = await _schemas.ValidateAsync(type, body, cancellationToken).ConfigureAwait(false);
            if (violations.Count > 0)
            {
                problems[obj] = failed with
                {
                    Message = $"does not match the schema the cluster serves for {obj.ApiVersion} {obj.Kind}: " +
                        string.Join("; ", violations),
                };
                continue;
            }
            desired.Add(new DesiredObject(obj, type, body));
        }
        return (desired, problems);
    }

    private async Task<ObjectResult> ApplyOneAsync(string policySet, DesiredObject desired, ApplyOptions options,
        CancellationToken cancellationToken)
    {
        try
        {
            var live = await _client.GetAsync(desired.Path, cancellationToken).ConfigureAwait(false);
            if (live.StatusCode == HttpStatusCode.NotFound)
            {
                var created = await PatchAsync(desired, options, options.DryRun, cancellationToken).ConfigureAwait(false);
                return Outcome(desired, ObjectOutcome.Created, created, null);
            }

            var current = live.Object($"reading {desired.Result(ObjectOutcome.Failed).Display}");
            if (!Ownership.IsOwnedBy(current, policySet))
            {
                return desired.Result(ObjectOutcome.Conflict,
                    $"an object with this name exists and {Ownership.Describe(current)}, so it is left untouched; " +
                    "rename the workspace or server, or remove that object yourself");
            }

            var preview = await PatchAsync(desired, options, dryRun: true, cancellationToken).ConfigureAwait(false);
            if (preview is ObjectResult refused)
                return refused;
            var diff = Diff(desired, current, (JsonObject)preview);
            if (diff.Length == 0)
                return desired.Result(ObjectOutcome.Unchanged);
            if (options.DryRun)
                return desired.Result(ObjectOutcome.Configured) with { Diff = diff };

            var written = await PatchAsync(desired, options, dryRun: false, cancellationToken).ConfigureAwait(false);
            return written is ObjectResult failed ? failed : desired.Result(ObjectOutcome.Configured) with { Diff = diff };
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            return desired.Result(ObjectOutcome.Failed, e.Message);
        }
    }

    private ObjectResult Outcome(DesiredObject desired, ObjectOutcome outcome, object patched, JsonObject? live) =>
        patched is ObjectResult refused
            ? refused
            : desired.Result(outcome) with { Diff = Diff(desired, live, (JsonObject)patched) };

    // Returns the object the server answered with, or an ObjectResult when it refused.
    private async Task<object> PatchAsync(DesiredObject desired, ApplyOptions options, bool dryRun, CancellationToken cancellationToken)
    {
        var query = $"?fieldManager={Uri.EscapeDataString(options.FieldManager)}&force={(options.ForceConflicts ? "true" : "false")}" +
            (dryRun ? "&dryRun=All" : "");
        var response = await _client.SendAsync(HttpMethod.Patch, desired.Path + query, desired.Body.ToJsonString(), ApplyPatch,
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess && response.Body is JsonObject result)
            return result;

        var error = KubernetesApiException.From($"applying {desired.Result(ObjectOutcome.Failed).Display}", response);
        if (error.IsFieldManagerConflict)
        {
            return desired.Result(ObjectOutcome.Conflict,
                $"fields owned by other field managers: {string.Join(", ", error.Conflicts)}; " +
                "apply with --force-conflicts to take them over, or stop the other manager setting them")
                with { Conflicts = error.Conflicts };
        }
        return desired.Result(ObjectOutcome.Failed, error.Message);
    }

    private static string Diff(DesiredObject desired, JsonObject? live, JsonObject after)
    {
        var type = desired.Type;
        var name = $"{type.Group}{(type.Group.Length == 0 ? "" : ".")}{type.Version}.{type.Kind}." +
            $"{(type.Namespaced ? (desired.Emitted.Namespace ?? "default") + "." : "")}{desired.Emitted.Name}";
        return UnifiedDiff.Create($"live/{name}", live is null ? "" : ComparableObject.Yaml(live),
            $"desired/{name}", ComparableObject.Yaml(after));
    }

    private static ObjectResult Skipped(EmittedObject obj, int blocked) =>
        new(obj.ApiVersion, obj.Kind, obj.Namespace, obj.Name, ObjectOutcome.Skipped,
            $"not applied because {blocked} object(s) of the batch failed the checks made before any write");

    private void Log(ObjectResult result, bool dryRun)
    {
        var level = result.Outcome switch
        {
            ObjectOutcome.Failed => LogLevel.Error,
            ObjectOutcome.Conflict or ObjectOutcome.Skipped => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        var verb = result.Outcome.ToString().ToLowerInvariant() + (dryRun && result.IsChange ? " (dry run)" : "");
        _logger.Log(level, "{Kind} {Namespace}/{Name} {Outcome}{Detail}", result.Kind, result.Namespace ?? "-",
            result.Name, verb, result.Message is null ? "" : $": {result.Message}");
    }
}
