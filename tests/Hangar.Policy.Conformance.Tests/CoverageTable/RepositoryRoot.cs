namespace Hangar.Policy.Conformance.Tests.CoverageTable;

/// <summary>The folder holding Hangar.Policy.sln, found upward from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Hangar.Policy.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Hangar.Policy.sln above {AppContext.BaseDirectory}");
    }
}
