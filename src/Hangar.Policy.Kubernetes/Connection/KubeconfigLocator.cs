using k8s;
using k8s.KubeConfigModels;

namespace Hangar.Policy.Kubernetes.Connection;

/// <summary>Turns <see cref="KubeconfigOptions"/> into a client configuration, following kubectl's precedence.</summary>
public static class KubeconfigLocator
{
    /// <summary>
    /// The client configuration for <paramref name="options"/>. Throws <see cref="InvalidOperationException"/>
    /// naming every place looked at when no kubeconfig exists and the process does not run in a cluster.
    /// </summary>
    public static KubernetesClientConfiguration Load(KubeconfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var files = Files(options);
        if (files.Count > 0)
        {
            var merged = files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(f))).Aggregate(Merge);
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, options.Context);
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            if (options.Context is not null)
                throw new InvalidOperationException(
                    $"context '{options.Context}' was asked for, but no kubeconfig file exists and the in-cluster " +
                    "service account has no contexts; drop --context or point KUBECONFIG at a file that defines it");
            return KubernetesClientConfiguration.InClusterConfig();
        }

        throw new InvalidOperationException(
            $"no cluster configuration found: {Describe(options)} and this process does not run inside a cluster; " +
            "set KUBECONFIG or pass --kubeconfig");
    }

    /// <summary>The kubeconfig files that exist for <paramref name="options"/>, in precedence order.</summary>
    public static IReadOnlyList<string> Files(KubeconfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (options.KubeconfigPath is not null)
        {
            return File.Exists(options.KubeconfigPath)
                ? [options.KubeconfigPath]
                : throw new FileNotFoundException(
                    $"the kubeconfig '{options.KubeconfigPath}' does not exist; fix the path or drop --kubeconfig",
                    options.KubeconfigPath);
        }

        if (!string.IsNullOrWhiteSpace(options.KubeconfigVariable))
        {
            // kubectl skips listed files that do not exist, and merges the rest with the first file winning.
            return [.. options.KubeconfigVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(File.Exists).Distinct(StringComparer.Ordinal)];
        }

        var home = Path.Combine(options.HomeDirectory, ".kube", "config");
        return File.Exists(home) ? [home] : [];
    }

    // kubectl's merge rule: for clusters, users and contexts the first file that names an entry wins, and the
    // first file that sets current-context wins.
    private static K8SConfiguration Merge(K8SConfiguration first, K8SConfiguration next)
    {
        if (string.IsNullOrEmpty(first.CurrentContext))
            first.CurrentContext = next.CurrentContext;
        first.Clusters = [.. (first.Clusters ?? []).Concat(next.Clusters ?? []).DistinctBy(c => c.Name)];
        first.Users = [.. (first.Users ?? []).Concat(next.Users ?? []).DistinctBy(u => u.Name)];
        first.Contexts = [.. (first.Contexts ?? []).Concat(next.Contexts ?? []).DistinctBy(c => c.Name)];
        return first;
    }

    private static string Describe(KubeconfigOptions options) =>
        string.IsNullOrWhiteSpace(options.KubeconfigVariable)
            ? $"'{Path.Combine(options.HomeDirectory, ".kube", "config")}' does not exist"
            : $"none of the files in KUBECONFIG ('{options.KubeconfigVariable}') exists";
}
