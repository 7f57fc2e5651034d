using System.Runtime.CompilerServices;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a reviewed file under Golden/, byte for byte. On a difference the actual text
/// is written beside it (*.actual.cs, ignored by git) and the test fails; HANGAR_UPDATE_GOLDEN=1 rewrites it.
/// </summary>
internal static class GoldenFile
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(caller)!, "Golden");
        var path = Path.Combine(directory, name);
        var actualPath = Path.ChangeExtension(path, ".actual.cs");
        if (Environment.GetEnvironmentVariable("HANGAR_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            File.Delete(actualPath);
            return;
        }
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }
        File.WriteAllText(actualPath, actual);
        Assert.Fail(expected is null
            ? $"golden file {path} is missing; review {actualPath} and run with HANGAR_UPDATE_GOLDEN=1 to accept it"
            : $"generated text differs from {path}; compare with {actualPath}, and run with HANGAR_UPDATE_GOLDEN=1 if the change is right");
    }
}
