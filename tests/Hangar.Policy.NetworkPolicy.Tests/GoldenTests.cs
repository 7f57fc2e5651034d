using Hangar.Policy.Output;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

public sealed class GoldenTests
{
    public static TheoryData<string> RepresentativeFiles() =>
        [.. ManifestDirectory.Render(Compile(RepresentativePolicies.AcmeMcp())).Keys];

    public static TheoryData<string> RepresentativeFilesBeforeEndPort() =>
        [.. ManifestDirectory.Render(Compile(RepresentativePolicies.AcmeMcp(), version: "1.24.0")).Keys];

    [Theory]
    [MemberData(nameof(RepresentativeFiles))]
    public void RepresentativeSet_MatchesGoldenFile(string path)
    {
        var files = ManifestDirectory.Render(Compile(RepresentativePolicies.AcmeMcp()));

        GoldenFiles.Verify(Path.Combine("acme-mcp", path), files[path]);
    }

    [Theory]
    [MemberData(nameof(RepresentativeFilesBeforeEndPort))]
    public void RepresentativeSet_ForKubernetes124_MatchesGoldenFile(string path)
    {
        var files = ManifestDirectory.Render(Compile(RepresentativePolicies.AcmeMcp(), version: "1.24.0"));

        GoldenFiles.Verify(Path.Combine("acme-mcp-k8s-1.24", path), files[path]);
    }

    [Fact]
    public void RepresentativeSet_ForKubernetes124_CoverageMatchesGoldenFile()
    {
        var result = Compile(RepresentativePolicies.AcmeMcp(), version: "1.24.0");

        var lines = result.Coverage.Entries.Select(e => $"{e.RuleId}\n  {e.Status.ToString().ToLowerInvariant()}: {e.Reason}\n");
        GoldenFiles.Verify(Path.Combine("acme-mcp-k8s-1.24", "coverage.txt"), string.Concat(lines));
    }

    [Fact]
    public void RepresentativeSet_CoverageMatchesGoldenFile()
    {
        var result = Compile(RepresentativePolicies.AcmeMcp());

        var lines = result.Coverage.Entries.Select(e => $"{e.RuleId}\n  {e.Status.ToString().ToLowerInvariant()}: {e.Reason}\n");
        GoldenFiles.Verify(Path.Combine("acme-mcp", "coverage.txt"), string.Concat(lines));
    }

    [Fact]
    public void RepresentativeSet_NoGoldenFileIsStale()
    {
        var files = ManifestDirectory.Render(Compile(RepresentativePolicies.AcmeMcp())).Keys
            .Select(p => Path.GetFullPath(Path.Combine(GoldenFiles.Directory(), "acme-mcp", p)))
            .Append(Path.GetFullPath(Path.Combine(GoldenFiles.Directory(), "acme-mcp", "coverage.txt")))
            .ToHashSet();
        var onDisk = Directory.EnumerateFiles(Path.Combine(GoldenFiles.Directory(), "acme-mcp"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".actual.", StringComparison.Ordinal));

        Assert.DoesNotContain(onDisk, f => !files.Contains(Path.GetFullPath(f)));
    }
}
