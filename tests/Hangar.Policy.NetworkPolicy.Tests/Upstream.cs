using System.Runtime.CompilerServices;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>
/// The public upstream data the tests check against: from HANGAR_UPSTREAM, else ../shared/upstream beside the
/// repository root. Tests that need it skip, saying why, when it is absent.
/// </summary>
internal static class Upstream
{
    public static string? Directory([CallerFilePath] string thisFile = "")
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HANGAR_UPSTREAM");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return System.IO.Directory.Exists(fromEnvironment) ? fromEnvironment : null;

        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hangar.Policy.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "upstream"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }

    /// <summary>The path of <paramref name="relative"/> under the upstream folder, or a skip naming what is missing.</summary>
    public static string RequireFile(string relative)
    {
        var root = Directory();
        if (root is null)
            Assert.Skip("upstream data not found: set HANGAR_UPSTREAM or place it at ../shared/upstream beside the repository");
        var path = Path.Combine(root, relative);
        if (!File.Exists(path))
            Assert.Skip($"upstream file {relative} is missing from {root}");
        return path;
    }
}
