using System.CommandLine;
using Hangar.Policy.Hosting.Cluster;
using Hangar.Policy.Kubernetes.Apply;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>diff [--prune] [--require ENGINE]</c>: what <c>apply</c> would change, as unified diffs of the live objects
/// against the result of a dry-run server-side apply, so fields the server fills in (managedFields,
/// resourceVersion, defaults) never show. Exit code as <c>kubectl diff</c>: 0 no differences, 1 differences,
/// 2 a problem.
/// </summary>
public sealed class DiffCommand : HostCommand
{
    private readonly ApplyInputs _inputs = new("Also show the objects of the policy set that apply --prune would delete.");

    /// <inheritdoc />
    public override string Name => "diff";

    /// <inheritdoc />
    public override string Description => "Show what apply would change in the cluster (exit code 1 when something differs).";

    /// <inheritdoc />
    protected override void AddOptions(Command command) => _inputs.AddTo(command);

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        using var cancel = new CtrlCCancellation();
        using var client = _inputs.Connect(parse, host);
        var (batch, code) = _inputs.Open(parse, host, client, cancel.Token);
        if (batch is null)
            return code == ExitCodes.Success ? code : 2;

        var applier = new PolicyApplier(client);
        var reports = batch.Run(applier, new ApplyOptions { DryRun = true, Prune = parse.GetValue(_inputs.Prune) }, cancel.Token);
        foreach (var result in reports.SelectMany(r => r.Objects))
        {
            if (result.Diff.Length > 0)
                host.Out.Write(result.Diff);
            if (result.IsProblem)
                host.Error.WriteLine($"error: {result}");
        }
        return reports.Select(r => r.ExitCode(forDiff: true)).DefaultIfEmpty(0).Max();
    }
}
