namespace Hangar.Policy.TestSupport;

/// <summary>
/// Locates the upstream data (CRD schemas, examples): the folder named by HANGAR_UPSTREAM, else
/// ../shared/upstream beside the repository root. Tests that need it skip, saying why, when it is absent.
/// </summary>
internal static class Upstream
{
    public static string? Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("HANGAR_UPSTREAM");
            if (!string.IsNullOrEmpty(fromEnvironment))
                return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
            var repo = RepositoryRoot();
            var candidate = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "upstream"));
            return candidate is not null && Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>The full path of <paramref name="relative"/> under the upstream folder; skips the test when it is missing.</summary>
    public static string File(string relative)
    {
        var root = Root;
        if (root is null)
            Assert.Skip("upstream data not found: set HANGAR_UPSTREAM or place it at ../shared/upstream beside the repository");
        var path = Path.Combine(root, relative);
        if (!System.IO.File.Exists(path))
            Assert.Skip($"upstream file {relative} is absent from {root}");
        return path;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Hangar.Policy.sln")))
                return dir.FullName;
        }
        return null;
    }
}
