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
    private readonly CompileInputs _inputs = new();
    private readonly ClusterInputs _cluster = new();
    private readonly Option<bool> _prune = new("--prune")
    {
        Description = "Also show the objects of the policy set that apply --prune would delete.",
    };
    private readonly Option<string[]> _require = new("--require")
    {
        Description = "Engines that must be present in the cluster; a missing or too-old one is an error instead of a skip.",
        HelpName = "ENGINE",
    };

    /// <inheritdoc />
    public override string Name => "diff";

    /// <inheritdoc />
    public override string Description => "Show what apply would change in the cluster (exit code 1 when something differs).";

    /// <inheritdoc />
    protected override void AddOptions(Command command)
    {
        command.Options.Add(_prune);
        command.Options.Add(_require);
        _inputs.AddTo(command);
        _cluster.AddTo(command);
    }

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        using var cancel = new CtrlCCancellation();
        using var client = _cluster.Connect(parse, host);
        var required = Required(parse, _require);
        var (batch, code) = ClusterBatch.Open(host, _inputs.Compile(parse, host), client, required, cancel.Token);
        if (batch is null)
            return code == ExitCodes.Success ? code : 2;

        var applier = new PolicyApplier(client);
        var reports = batch.Run(applier, new ApplyOptions { DryRun = true, Prune = parse.GetValue(_prune) }, cancel.Token);
        foreach (var result in reports.SelectMany(r => r.Objects))
        {
            if (result.Diff.Length > 0)
                host.Out.Write(result.Diff);
            if (result.IsProblem)
                host.Error.WriteLine($"error: {result}");
        }
        return reports.Select(r => r.ExitCode(forDiff: true)).DefaultIfEmpty(0).Max();
    }

    internal static IReadOnlyList<string> Required(ParseResult parse, Option<string[]> option) =>
        [.. (parse.GetValue(option) ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
