using System.Runtime.CompilerServices;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>
/// Compares output with the files under Golden/, byte for byte. On a difference the actual text is written beside
/// the golden file as <c>*.actual.*</c> and the test fails; with HANGAR_UPDATE_GOLDEN=1 the golden file is rewritten.
/// </summary>
internal static class GoldenFiles
{
    public static string Directory([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");

    public static void Verify(string relativePath, string actual)
    {
        var golden = Path.Combine(Directory(), relativePath);
        var actualPath = Path.Combine(Path.GetDirectoryName(golden)!,
            $"{Path.GetFileNameWithoutExtension(golden)}.actual{Path.GetExtension(golden)}");
        if (Environment.GetEnvironmentVariable("HANGAR_UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
            File.Delete(actualPath);
            return;
        }

        var expected = File.Exists(golden) ? File.ReadAllText(golden) : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
        File.WriteAllText(actualPath, actual);
        Assert.Fail(expected is null
            ? $"golden file {relativePath} does not exist; review {actualPath} and run with HANGAR_UPDATE_GOLDEN=1 to accept it"
            : $"output differs from golden file {relativePath}; see {actualPath}, "
                + "and run with HANGAR_UPDATE_GOLDEN=1 if the change is intended");
    }
}
