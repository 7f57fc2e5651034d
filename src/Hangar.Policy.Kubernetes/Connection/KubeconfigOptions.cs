namespace Hangar.Policy.Kubernetes.Connection;

/// <summary>
/// Where to find the cluster, the way kubectl looks for it: an explicit kubeconfig path, else the files listed in
/// <c>KUBECONFIG</c> (merged, first wins), else <c>~/.kube/config</c>, else the in-cluster service account.
/// </summary>
public sealed record KubeconfigOptions
{
    /// <summary>An explicit kubeconfig file; overrides <c>KUBECONFIG</c>. Default: null.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>The context to use instead of the file's current-context (kubectl's <c>--context</c>). Default: null.</summary>
    public string? Context { get; init; }

    /// <summary>The value of <c>KUBECONFIG</c>; read from the environment unless set. Default: the environment's.</summary>
    public string? KubeconfigVariable { get; init; } = Environment.GetEnvironmentVariable("KUBECONFIG");

    /// <summary>The home directory holding <c>.kube/config</c>. Default: the user's profile folder.</summary>
    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
