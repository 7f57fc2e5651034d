using System.Runtime.CompilerServices;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>Finds the shared upstream data: HANGAR_UPSTREAM, else ../shared/upstream beside the repository.</summary>
internal static class Upstream
{
    public static string? Directory([CallerFilePath] string caller = "")
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HANGAR_UPSTREAM");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return System.IO.Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        var root = RepositoryRoot(caller);
        var candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", "upstream"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }

    /// <summary>The repository root: the nearest folder above the tests that holds Hangar.Policy.sln.</summary>
    public static string RepositoryRoot([CallerFilePath] string caller = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hangar.Policy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Hangar.Policy.sln not found above the tests");
    }
}
