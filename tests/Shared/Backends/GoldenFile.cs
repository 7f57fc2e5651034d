namespace Hangar.Policy.TestSupport;

/// <summary>
/// Byte-for-byte comparison with a file under Golden/. On a difference the actual text is written next to it as
/// *.actual.yaml; HANGAR_UPDATE_GOLDEN=1 rewrites the golden file instead.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(RepoPaths.Golden, name + ".yaml");
        var actualPath = Path.Combine(RepoPaths.Golden, name + ".actual.yaml");
        if (Environment.GetEnvironmentVariable("HANGAR_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(RepoPaths.Golden);
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
            ? $"golden file {path} is missing; review {actualPath} and rerun with HANGAR_UPDATE_GOLDEN=1"
            : $"output differs from {path}; see {actualPath} (rerun with HANGAR_UPDATE_GOLDEN=1 to accept)");
    }
}
