namespace Hangar.Policy.TestSupport;

/// <summary>Golden YAML files under the test project's Golden/ folder; see <see cref="GoldenText"/>.</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual) =>
        GoldenText.AssertMatches(Path.Combine(RepoPaths.Golden, name + ".yaml"),
            Path.Combine(RepoPaths.Golden, name + ".actual.yaml"), actual);
}
