using System.Runtime.CompilerServices;
using Hangar.Policy.TestSupport;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>Generated sources compared with reviewed files under Golden/; see <see cref="GoldenText"/>.</summary>
internal static class GoldenFile
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        GoldenText.AssertMatches(path, Path.ChangeExtension(path, ".actual.cs"), actual);
    }
}
