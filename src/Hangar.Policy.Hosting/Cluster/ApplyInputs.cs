using System.CommandLine;
using Hangar.Policy.Hosting.Commands;
using Hangar.Policy.Kubernetes.Connection;

namespace Hangar.Policy.Hosting.Cluster;

/// <summary>
/// The options <c>diff</c> and <c>apply</c> share, and the steps they both take with them: compile the policy
/// (<c>--engines</c>, <c>--config</c>), connect to the cluster (<c>--kubeconfig</c>, <c>--context</c>), and open a
/// <see cref="ClusterBatch"/> for the engines the cluster has, refusing the <c>--require</c>d ones it lacks; plus
/// <c>--prune</c>, whose help text is each verb's own.
/// </summary>
internal sealed class ApplyInputs
{
    private readonly CompileInputs _compile = new();
    private readonly ClusterInputs _cluster = new();
    private readonly Option<string[]> _require = new("--require")
    {
        Description = "Engines that must be present in the cluster; a missing or too-old one is an error instead of a skip.",
        HelpName = "ENGINE",
    };

    /// <summary>Creates the options; <paramref name="pruneDescription"/> says what <c>--prune</c> does for the verb.</summary>
    public ApplyInputs(string pruneDescription) => Prune = new Option<bool>("--prune") { Description = pruneDescription };

    /// <summary>Whether objects of the policy set that it no longer emits are in scope.</summary>
    public Option<bool> Prune { get; }

    /// <summary>
    /// Adds <c>--prune</c> and <c>--require</c>, then the compile and cluster options, to <paramref name="command"/>,
    /// after the verb's own options.
    /// </summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Prune);
        command.Options.Add(_require);
        _compile.AddTo(command);
        _cluster.AddTo(command);
    }

    /// <summary>Connects to the cluster the options name; a missing kubeconfig or context is a usage error.</summary>
    public ClusterClient Connect(ParseResult parse, HostContext host) => _cluster.Connect(parse, host);

    /// <summary>
    /// Compiles the policy, detects the cluster's engines and prepares the batch, or returns the exit code to
    /// stop with after printing why.
    /// </summary>
    public (ClusterBatch? Batch, int ExitCode) Open(ParseResult parse, HostContext host, ClusterClient client,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string> required = [.. (parse.GetValue(_require) ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
        return ClusterBatch.Open(host, _compile.Compile(parse, host), client, required, cancellationToken);
    }
}
