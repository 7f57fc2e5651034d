using System.CommandLine;
using Hangar.Policy.Kubernetes.Connection;

namespace Hangar.Policy.Hosting.Cluster;

/// <summary>
/// The options of every verb that talks to a cluster: <c>--kubeconfig</c> and <c>--context</c>. Without them the
/// cluster is found as kubectl finds it: <c>KUBECONFIG</c>, else <c>~/.kube/config</c>, else the in-cluster
/// service account.
/// </summary>
public sealed class ClusterInputs
{
    /// <summary>The kubeconfig file.</summary>
    public Option<string> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file. Default: the files in KUBECONFIG, else ~/.kube/config, else the in-cluster service account.",
        HelpName = "FILE",
    };

    /// <summary>The kubeconfig context.</summary>
    public Option<string> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use. Default: the kubeconfig's current-context.",
        HelpName = "NAME",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
    }

    /// <summary>Connects to the cluster the options name; a missing kubeconfig or context is a usage error.</summary>
    public ClusterClient Connect(ParseResult parse, HostContext host)
    {
        var path = parse.GetValue(Kubeconfig);
        var options = new KubeconfigOptions
        {
            KubeconfigPath = path is null ? null : host.ResolvePath(path),
            Context = parse.GetValue(Context),
        };
        try
        {
            return ClusterClient.Connect(options);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or k8s.Exceptions.KubeConfigException)
        {
            throw new UsageException(e.Message);
        }
    }
}
