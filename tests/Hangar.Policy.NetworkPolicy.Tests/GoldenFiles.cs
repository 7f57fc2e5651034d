using System.Runtime.CompilerServices;
using Hangar.Policy.TestSupport;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>Output compared with the files under Golden/ (as <c>*.actual.*</c> on a difference); see <see cref="GoldenText"/>.</summary>
internal static class GoldenFiles
{
    public static string Directory([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");

    public static void Verify(string relativePath, string actual)
    {
        var golden = Path.Combine(Directory(), relativePath);
        var actualPath = Path.Combine(Path.GetDirectoryName(golden)!,
            $"{Path.GetFileNameWithoutExtension(golden)}.actual{Path.GetExtension(golden)}");
        GoldenText.AssertMatches(golden, actualPath, actual);
    }
}
