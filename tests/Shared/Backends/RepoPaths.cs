namespace Hangar.Policy.TestSupport;

/// <summary>Where the repository, its golden files and the upstream reference data are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Golden folder of the test project this file is compiled into (named like its assembly).</summary>
    public static string Golden => Path.Combine(Root, "tests", typeof(RepoPaths).Assembly.GetName().Name!, "Golden");

    /// <summary>The upstream data folder: HANGAR_UPSTREAM, else ../shared/upstream beside the repository; null when absent.</summary>
    public static string? Upstream
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("HANGAR_UPSTREAM") is { Length: > 0 } set
                ? set
                : Path.GetFullPath(Path.Combine(Root, "..", "shared", "upstream"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hangar.Policy.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Hangar.Policy.sln above {AppContext.BaseDirectory}");
    }
}
