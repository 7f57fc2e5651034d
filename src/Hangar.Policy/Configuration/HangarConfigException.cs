namespace Hangar.Policy.Configuration;

/// <summary>A problem in hangar.yaml, naming the file, the key, the value and the fix.</summary>
public sealed class HangarConfigException(string source, string key, string problem, string fix)
    : Exception($"{source}: {key}: {problem}. Fix: {fix}")
{
    /// <summary>The file.</summary>
    public string File { get; } = source;

    /// <summary>The key path, e.g. <c>cluster.pod_cidrs</c>.</summary>
    public string Key { get; } = key;
}
