using Hangar.Policy.Hosting.Commands;
using Hangar.Policy.Kubernetes.Apply;
using Hangar.Policy.Kubernetes.Connection;
using Hangar.Policy.Kubernetes.Engines;

namespace Hangar.Policy.Hosting.Cluster;

/// <summary>
/// What <c>diff</c> and <c>apply</c> share: connect, detect the engines, drop (or, under <c>--require</c>, refuse)
/// the missing and too-old ones, compile with the detected versions, then run PolicyApplier once per policy set
/// so that each set prunes only its own objects.
/// </summary>
internal sealed class ClusterBatch
{
    private ClusterBatch(ClusterClient client, HostCompilation compilation)
    {
        Client = client;
        Compilation = compilation;
    }

    public ClusterClient Client { get; }

    public HostCompilation Compilation { get; }

    /// <summary>Prepares the batch, or returns the exit code to stop with after printing why.</summary>
    public static (ClusterBatch? Batch, int ExitCode) Open(HostContext host, HostCompilation selected, ClusterClient client,
        IReadOnlyList<string> required, CancellationToken cancellationToken)
    {
        var backends = host.Options.Backends.Resolve(selected.Engines, "--engines", selected.Config.EngineOptions);
        EngineDetection detection;
        try
        {
            detection = new EngineDetector(client).DetectAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or KubernetesApiException)
        {
            throw new UsageException($"cannot detect the engines of the cluster at {client.Server}: {e.Message}");
        }
        var selection = EngineSelection.Choose(detection, backends, required);
        foreach (var warning in selection.Warnings)
            host.Error.WriteLine($"warning: {warning}");
        foreach (var error in selection.Errors)
            host.Error.WriteLine($"error: {error}");
        if (!selection.Succeeded)
            return (null, ExitCodes.PolicyErrors);

        var config = selected.Config with { EngineVersions = selected.Config.EngineVersions.SetItems(selection.EngineVersions) };
        var compilation = HostCompilation.Run(host.Sources, selection.Backends, config, selected.ConfigPath);
        if (DiagnosticReport.Write(host, compilation.Result, "nothing was applied") != ExitCodes.Success)
            return (null, ExitCodes.PolicyErrors);
        return (new ClusterBatch(client, compilation), ExitCodes.Success);
    }

    /// <summary>Applies (or diffs) every policy set of the compilation, one report per set.</summary>
    public List<ApplyReport> Run(PolicyApplier applier, ApplyOptions options, CancellationToken cancellationToken)
    {
        var reports = new List<ApplyReport>();
        foreach (var set in Compilation.Sets)
        {
            var objects = Compilation.Result.Objects
                .Where(o => o.Body.Node("metadata")?.Node("labels")?[HangarLabels.PolicySet] as string == set.Name)
                .ToList();
            reports.Add(applier.ApplyAsync(set.Name, objects, options, cancellationToken).GetAwaiter().GetResult());
        }
        return reports;
    }
}
