using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Tests.Infrastructure;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class ToolNameAnalyzerTests
{
    private static Task Verify(string body) => PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync($$"""
        static class P
        {
            static PolicySet Build() => PolicySet.Named("acme").Workspace("acme", ws => { {{body}} }).Build();
        }
        """,
        ("/project/manifests/fetch.tools.json", ManifestTexts.Fetch),
        ("/project/manifests/filesystem.tools.json", ManifestTexts.Filesystem));

    [Fact]
    public Task ToolMissingFromManifest_ShouldReport() =>
        Verify("""ws.Server("fetch", s => s.Tool({|HANGAR0301:"fetch_url"|}, t => { }));""");

    [Fact]
    public Task ToolMissingFromManifest_LinearChain_ShouldReport() =>
        Verify("""ws.Server("filesystem").Tool({|HANGAR0301:"delete_file"|}).DenyLoopback();""");

    [Fact]
    public Task ToolListedInManifest_ShouldSuggestTheHandle() =>
        Verify("""ws.Server("fetch", s => s.Tool({|HANGAR0303:"fetch"|}, t => { }));""");

    [Fact]
    public Task ServerWithoutManifest_ShouldNotReport() => Verify("""ws.Server("git", s => s.Tool("git_log", t => { }));""");

    [Fact]
    public Task ManifestNamedByWithToolManifest_ShouldBeUsed() =>
        Verify("""ws.Server("files", s => s.WithToolManifest("manifests/filesystem.tools.json").Tool({|HANGAR0301:"rm"|}, t => { }));""");
}
