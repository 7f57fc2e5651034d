using Hangar.Policy.Analyzers.Generators;
using Hangar.Policy.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class ToolRegistryGeneratorTests
{
    private static GeneratorRun Run(params (string Path, string Text)[] files) =>
        GeneratorRun.Start(new ToolRegistryGenerator(), GeneratorRun.Compile("class Unrelated { }"),
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));

    [Fact]
    public void Manifests_TwoServers_ShouldMatchGoldenFile()
    {
        var run = Run(("/p/fetch.tools.json", ManifestTexts.Fetch), ("/p/manifests/filesystem.tools.json", ManifestTexts.Filesystem));

        GoldenFile.Match("McpTools.g.cs", run.Source("McpTools.g.cs"));
    }

    [Fact]
    public void Manifests_Generated_ShouldCompileAndBeUsableInTool()
    {
        var compilation = GeneratorRun.Compile("""
            namespace Consumer;
            static class P
            {
                static PolicySet Build() => PolicySet.Named("acme").Workspace("acme", ws => ws
                    .Server("fetch", s => s.Tool(McpTools.Fetch.Fetch, t => { }))
                    .Server("filesystem", s => s.Tool(McpTools.Filesystem.ReadFile).Server.DefaultDenyEgressForReadOnlyTools())).Build();
            }
            """);
        var run = GeneratorRun.Start(new ToolRegistryGenerator(), compilation,
            [new InMemoryAdditionalText("/p/fetch.tools.json", ManifestTexts.Fetch),
                new InMemoryAdditionalText("/p/filesystem.tools.json", ManifestTexts.Filesystem)]);

        Assert.Empty(run.CompileErrors());
    }

    [Fact]
    public void Manifest_InvalidJson_ShouldReportHangar0302AndGenerateNothing()
    {
        var run = Run(("/p/broken.tools.json", """{ "tools": [ { "title": "no name" } ] }"""));

        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("HANGAR0302", diagnostic.Id);
        Assert.Contains("non-empty 'name'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Manifests_EveryUpstreamServer_ShouldCompile()
    {
        var upstream = Upstream.Directory();
        if (upstream is null)
            Assert.Skip("the shared upstream data (HANGAR_UPSTREAM or ../shared/upstream) is not present");
        var files = Directory.GetFiles(Path.Combine(upstream, "mcp"), "*.tools.json")
            .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p))).ToList();

        var run = GeneratorRun.Start(new ToolRegistryGenerator(), GeneratorRun.Compile("class Unrelated { }"), files);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrors());
        Assert.Contains("public global::Hangar.Policy.Manifests.McpToolHandle ReadTextFile",
            run.Source("McpTools.g.cs"), StringComparison.Ordinal);
    }
}
