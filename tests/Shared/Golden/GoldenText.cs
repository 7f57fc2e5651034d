namespace Hangar.Policy.TestSupport;

/// <summary>
/// Byte-for-byte comparison of output with a reviewed golden file. On a difference the actual text is written
/// beside it (ignored by git) and the test fails; HANGAR_UPDATE_GOLDEN=1 rewrites the golden file instead.
/// Each test project's golden helper decides where its files live and calls this.
/// </summary>
internal static class GoldenText
{
    public static void AssertMatches(string goldenPath, string actualPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("HANGAR_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            File.Delete(actualPath);
            return;
        }

        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(actualPath)!);
        File.WriteAllText(actualPath, actual);
        Assert.Fail(expected is null
            ? $"golden file {goldenPath} is missing; review {actualPath} and rerun with HANGAR_UPDATE_GOLDEN=1 to accept it"
            : $"output differs from {goldenPath}; compare with {actualPath}, and rerun with HANGAR_UPDATE_GOLDEN=1 "
                + "if the change is intended");
    }
}
