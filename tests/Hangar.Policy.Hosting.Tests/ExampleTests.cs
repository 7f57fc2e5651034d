using System.Text.Json;
using Hangar.Policy.Building;
using Hangar.Policy.Hosting.Backends;
using Hangar.Policy.Model;
using McpWorkspace;

namespace Hangar.Policy.Hosting.Tests;

/// <summary>The McpWorkspace example, compiled through the command line with the hangar.yaml it ships.</summary>
public sealed class ExampleTests : IDisposable
{
    private readonly CommandLine _cli = new();

    // The example's hangar.yaml and tool manifests are copied beside the test assembly.
    private static readonly string Config = Path.Combine(AppContext.BaseDirectory, "hangar.yaml");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Example_Validates()
    {
        var run = _cli.Run(AcmeWorkspace.Build, "validate", "--config", Config);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("error", run.Error);
    }

    [Fact]
    public void Example_EmitsForEveryKnownEngine()
    {
        var engines = string.Join(",", BackendRegistry.Default.Names);

        var run = _cli.Run(AcmeWorkspace.Build, "emit", "--out", "out", "--config", Config, "--engines", engines);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.All(BackendRegistry.Default.Names, engine => Assert.NotEmpty(Directory.EnumerateFiles(_cli.Path("out", engine))));
    }

    [Fact]
    public void Example_TwoEmitsAreByteIdentical()
    {
        var engines = string.Join(",", BackendRegistry.Default.Names);

        _cli.Run(AcmeWorkspace.Build, "emit", "--out", "a", "--config", Config, "--engines", engines);
        _cli.Run(AcmeWorkspace.Build, "emit", "--out", "b", "--config", Config, "--engines", engines);

        var a = Directory.EnumerateFiles(_cli.Path("a"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var b = Directory.EnumerateFiles(_cli.Path("b"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(a.Select(f => Path.GetRelativePath(_cli.Path("a"), f)), b.Select(f => Path.GetRelativePath(_cli.Path("b"), f)));
        Assert.All(a.Zip(b), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
    }

    [Fact]
    public void Example_CoverageListsEveryRuleForEveryEngine_LoopbackNotEnforcedByNetworkPolicy()
    {
        var engines = BackendRegistry.Default.Names.ToList();

        var run = _cli.Run(AcmeWorkspace.Build, "coverage", "--format", "json", "--config", Config, "--engines", string.Join(",", engines));

        using var json = JsonDocument.Parse(run.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        var rules = AcmeWorkspace.Build().AllRules.Select(r => r.Id.Value).Distinct().ToList();
        Assert.Equal(rules.Count * engines.Count, rows.Count);
        var loopback = rows.Single(r => r.GetProperty("rule").GetString() == "acme/deny-loopback"
            && r.GetProperty("backend").GetString() == "networkpolicy");
        Assert.Equal("unsupported", loopback.GetProperty("status").GetString());
    }

    [Fact]
    public void Example_FoundFromAnyWorkingFolder_ThroughTheApplicationDirectory()
    {
        var output = new StringWriter();
        var options = new HangarHostOptions
        {
            Out = output,
            Error = new StringWriter(),
            WorkingDirectory = _cli.WorkingDirectory,
            ApplicationDirectory = AppContext.BaseDirectory,
        };

        var code = HangarHost.Run(["validate"], AcmeWorkspace.Build, options);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"config {Config}", output.ToString());
    }

    [Fact]
    public void ToolMissingFromTheExampleManifest_ExitsOneNamingTheTool()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "manifests", "fetch.tools.json");
        var run = _cli.Run(() => PolicySet.Named("acme-mcp").Workspace("acme", ws => ws
            .Server("fetch", s => s.WithToolManifest(manifest).Tool("fetch_url", t => t.DenyLoopback()))).Build(), "validate");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("HANGAR0301", run.Error);
        Assert.Contains("'fetch_url'", run.Error);
    }

    [Fact]
    public void ExampleManifests_CarryNoDescriptions()
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "manifests"), "*.tools.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.All(json.RootElement.GetProperty("tools").EnumerateArray(), tool =>
            {
                Assert.False(tool.TryGetProperty("description", out _), $"{path}: {tool.GetProperty("name")}");
                Assert.False(HasDescriptionKeyword(tool.GetProperty("inputSchema")), $"{path}: {tool.GetProperty("name")}");
            });
        }
    }

    // A 'description' keyword of a schema (a string value), as opposed to a property called "description".
    private static bool HasDescriptionKeyword(JsonElement schema) => schema.ValueKind switch
    {
        JsonValueKind.Object => schema.EnumerateObject().Any(p =>
            (p.Name == "description" && p.Value.ValueKind == JsonValueKind.String)
            || (p.Name is "properties" or "$defs" or "definitions"
                ? p.Value.ValueKind == JsonValueKind.Object && p.Value.EnumerateObject().Any(child => HasDescriptionKeyword(child.Value))
                : HasDescriptionKeyword(p.Value))),
        JsonValueKind.Array => schema.EnumerateArray().Any(HasDescriptionKeyword),
        _ => false,
    };
}
