using System.CommandLine;
using Hangar.Policy.Hosting.Cluster;
using Hangar.Policy.Kubernetes.Connection;
using Hangar.Policy.Kubernetes.Engines;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>detect [--kubeconfig FILE] [--context NAME]</c>: which engines the cluster has, with their versions and what
/// the answer rests on. Writes nothing to the cluster.
/// </summary>
public sealed class DetectCommand : HostCommand
{
    private readonly ClusterInputs _cluster = new();

    /// <inheritdoc />
    public override string Name => "detect";

    /// <inheritdoc />
    public override string Description =>
        "Show which engines the cluster has (NetworkPolicy, Tetragon, KubeArmor, Falco) and their versions.";

    /// <inheritdoc />
    protected override void AddOptions(Command command) => _cluster.AddTo(command);

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        using var cancel = new CtrlCCancellation();
        using var client = _cluster.Connect(parse, host);
        EngineDetection detection;
        try
        {
            detection = new EngineDetector(client).DetectAsync(cancel.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or KubernetesApiException)
        {
            throw new UsageException($"cannot detect the engines of the cluster at {client.Server}: {e.Message}");
        }

        List<IReadOnlyList<string>> rows = [["ENGINE", "PRESENT", "VERSION", "EVIDENCE"]];
        rows.AddRange(detection.Engines.Select(e => (IReadOnlyList<string>)
            [e.Name, e.Present ? "yes" : "no", e.Version?.ToNormalizedString() ?? "-", e.Evidence]));
        host.Out.Write(TextTable.Format(rows));
        return ExitCodes.Success;
    }
}
