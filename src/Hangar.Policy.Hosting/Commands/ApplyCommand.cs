using System.CommandLine;
using Hangar.Policy.Hosting.Cluster;
using Hangar.Policy.Kubernetes.Apply;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>apply [--dry-run] [--prune] [--force-conflicts] [--require ENGINE]</c>: server-side apply of the compiled
/// policy with field manager <c>hangar-policy</c>, one line per object. Engines the cluster lacks are skipped with
/// a warning (an error under <c>--require</c>); custom resources are checked against the CRD schemas the cluster
/// serves before anything is written; objects already as desired are not written at all.
/// </summary>
public sealed class ApplyCommand : HostCommand
{
    private readonly ApplyInputs _inputs =
        new("Delete objects of the policy set that the policy no longer emits (only objects carrying its labels).");
    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Send every write with dryRun=All: the API server checks it and stores nothing.",
    };
    private readonly Option<bool> _force = new("--force-conflicts")
    {
        Description = "Take over fields that other field managers own, instead of reporting the conflict.",
    };

    /// <inheritdoc />
    public override string Name => "apply";

    /// <inheritdoc />
    public override string Description => "Apply the policy to the cluster with server-side apply (see --dry-run, --prune).";

    /// <inheritdoc />
    protected override void AddOptions(Command command)
    {
        command.Options.Add(_dryRun);
        command.Options.Add(_force);
        _inputs.AddTo(command);
    }

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        using var cancel = new CtrlCCancellation();
        using var client = _inputs.Connect(parse, host);
        var (batch, code) = _inputs.Open(parse, host, client, cancel.Token);
        if (batch is null)
            return code;

        var interactive = ReferenceEquals(host.Error, Console.Error) && !Console.IsErrorRedirected;
        var applier = new PolicyApplier(client, new LineLogger(host.Out, host.Error), new TerminalProgress(host.Error, interactive));
        var options = new ApplyOptions
        {
            DryRun = parse.GetValue(_dryRun),
            Prune = parse.GetValue(_inputs.Prune),
            ForceConflicts = parse.GetValue(_force),
        };
        var reports = batch.Run(applier, options, cancel.Token);
        foreach (var report in reports)
        {
            foreach (var note in report.Notes)
                host.Error.WriteLine($"warning: {report.PolicySet}: {note}");
            host.Out.WriteLine($"{report.PolicySet}: {report.Summary()}");
        }
        return reports.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.PolicyErrors;
    }
}
