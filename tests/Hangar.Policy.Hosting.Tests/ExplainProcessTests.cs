using System.Text.Json;
using McpWorkspace;

namespace Hangar.Policy.Hosting.Tests;

/// <summary><c>explain --exec</c> and <c>explain --open</c> on the McpWorkspace example, with the hangar.yaml it ships.</summary>
public sealed class ExplainProcessTests : IDisposable
{
    private static readonly string Config = Path.Combine(AppContext.BaseDirectory, "hangar.yaml");

    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private CommandLine.Outcome Explain(params string[] args) =>
        _cli.Run(AcmeWorkspace.Build, ["explain", "--config", Config, .. args]);

    private static JsonElement Json(CommandLine.Outcome run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static string Verdict(JsonElement root, string backend) => root.GetProperty("backends").EnumerateArray()
        .Single(b => b.GetProperty("backend").GetString() == backend).GetProperty("verdict").GetString()!;

    [Fact]
    public void GitStartingCurl_BlockedByPolicyAndTetragon()
    {
        var json = Json(Explain("--from", "git", "--exec", "/usr/bin/curl", "--format", "json"));

        Assert.Equal("exec", json.GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal("/usr/bin/curl", json.GetProperty("event").GetProperty("path").GetString());
        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal("blocked", Verdict(json, "tetragon"));
        Assert.Equal("not covered", Verdict(json, "networkpolicy"));
        Assert.Equal("detected only", Verdict(json, "falco"));
    }

    [Fact]
    public void GitStartingGit_AllowedByThePolicy()
    {
        var json = Json(Explain("--from", "git", "--exec", "/usr/bin/git", "--format", "json"));

        Assert.Equal("allowed", json.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.NotEqual("blocked", Verdict(json, "tetragon"));
    }

    [Fact]
    public void FilesystemWritingPasswd_BlockedByPolicyAndTetragon()
    {
        var json = Json(Explain("--from", "filesystem", "--open", "/etc/passwd", "--access", "write", "--format", "json"));

        Assert.Equal("open", json.GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal("write", json.GetProperty("event").GetProperty("access").GetString());
        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal("blocked", Verdict(json, "tetragon"));
    }

    [Fact]
    public void FilesystemReadingAProjectFile_AllowedByThePolicy()
    {
        var json = Json(Explain("--from", "filesystem", "--open", "/projects/app/README.md", "--format", "json"));

        Assert.Equal("read", json.GetProperty("event").GetProperty("access").GetString());
        Assert.Equal("allowed", json.GetProperty("policy").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Text_StartsWithTheExecAndItsSource()
    {
        var run = Explain("--from", "git", "--exec", "/usr/bin/curl");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("exec of /usr/bin/curl by acme/git (binary /app/mcp-server, namespace acme)\n", run.Out);
        Assert.Contains("kprobe security_bprm_check", run.Out);
    }

    [Theory]
    [InlineData(new[] { "--from", "git" }, "say what to explain: --to ADDRESS:PORT")]
    [InlineData(new[] { "--from", "git", "--exec", "/bin/sh", "--to", "1.1.1.1:80" }, "--to, --exec were given together")]
    [InlineData(new[] { "--from", "git", "--exec", "curl" }, "--exec 'curl' is not an absolute path")]
    [InlineData(new[] { "--from", "git", "--open", "/projects/../etc/passwd" }, "without '.' or '..' parts")]
    [InlineData(new[] { "--from", "git", "--exec", "/bin/sh", "--access", "write" }, "--access goes with --open only")]
    [InlineData(new[] { "--from", "git", "--exec", "/bin/sh", "--protocol", "udp" }, "--protocol goes with --to only")]
    [InlineData(new[] { "--from", "git", "--open", "/etc/passwd", "--access", "append" }, "append")]
    public void BadProcessEvent_IsAUsageError(string[] args, string message)
    {
        var run = Explain(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void FilesystemWritingPasswd_ShippedAuditPosture_OnlyDetectedByKubeArmor()
    {
        var json = Json(Explain("--from", "filesystem", "--open", "/etc/passwd", "--access", "write", "--format", "json"));

        Assert.Equal("detected only", Verdict(json, "kubearmor"));
    }

    [Fact]
    public void FilesystemWritingPasswd_DeclaredBlockPosture_BlockedByKubeArmor()
    {
        var config = _cli.WriteFile("hangar-block.yaml",
            File.ReadAllText(Config).Replace("posture: { file: audit }", "posture: { file: block }", StringComparison.Ordinal));

        var run = _cli.Run(AcmeWorkspace.Build,
            ["explain", "--config", config, "--from", "filesystem", "--open", "/etc/passwd", "--access", "write", "--format", "json"]);

        Assert.Equal("blocked", Verdict(Json(run), "kubearmor"));
    }
}
