using System.Text.Json;
using Hangar.Policy.Building;
using Hangar.Policy.Model;
using McpWorkspace;

namespace Hangar.Policy.Hosting.Tests;

/// <summary><c>explain</c> on the McpWorkspace example, compiled for every engine with the hangar.yaml it ships.</summary>
public sealed class ExplainTests : IDisposable
{
    private static readonly string Config = Path.Combine(AppContext.BaseDirectory, "hangar.yaml");

    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private CommandLine.Outcome Explain(params string[] args) =>
        _cli.Run(AcmeWorkspace.Build, ["explain", "--config", Config, .. args]);

    private static JsonElement Backend(JsonElement root, string name) =>
        root.GetProperty("backends").EnumerateArray().Single(b => b.GetProperty("backend").GetString() == name);

    private static JsonElement Json(CommandLine.Outcome run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    [Fact]
    public void FetchToMetadata_BlockedByPolicyNetworkPolicyAndTetragon()
    {
        var json = Json(Explain("--from", "fetch", "--to", "169.254.169.254:80", "--format", "json"));

        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal("blocked", Backend(json, "networkpolicy").GetProperty("verdict").GetString());
        Assert.Equal("blocked", Backend(json, "tetragon").GetProperty("verdict").GetString());
        Assert.Contains("acme/deny-cloud-metadata",
            json.GetProperty("policy").GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("NetworkPolicy acme/hangar-fetch-egress",
            Backend(json, "networkpolicy").GetProperty("objects").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public void FetchToMetadata_FalcoOnlyDetectsAndKubeArmorDoesNotSeeAddresses()
    {
        var json = Json(Explain("--from", "fetch", "--to", "169.254.169.254:80", "--format", "json"));

        Assert.Equal("detected only", Backend(json, "falco").GetProperty("verdict").GetString());
        var kubeArmor = Backend(json, "kubearmor");
        Assert.Equal("not covered", kubeArmor.GetProperty("verdict").GetString());
        Assert.Equal("unsupported", kubeArmor.GetProperty("coverage")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void FetchToMetadata_ListsEveryCompiledBackendInConfigOrder()
    {
        var json = Json(Explain("--from", "fetch", "--to", "169.254.169.254:80", "--format", "json"));

        Assert.Equal(["networkpolicy", "tetragon", "kubearmor", "falco"],
            json.GetProperty("backends").EnumerateArray().Select(b => b.GetProperty("backend").GetString()));
    }

    [Fact]
    public void GitHubToApiOn443_AllowedByPolicyNetworkPolicyAndTetragon()
    {
        var json = Json(Explain("--from", "github", "--to", "140.82.112.3:443", "--format", "json"));

        Assert.Equal("allowed", json.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal("allowed", Backend(json, "networkpolicy").GetProperty("verdict").GetString());
        Assert.Equal("allowed", Backend(json, "tetragon").GetProperty("verdict").GetString());
        Assert.Equal(["acme/github/allow-egress-546abcdf"],
            json.GetProperty("policy").GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void GitHubToApiOn80_BlockedByPolicyAndNetworkPolicy()
    {
        var json = Json(Explain("--from", "github", "--to", "140.82.112.3:80", "--format", "json"));

        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal("blocked", Backend(json, "networkpolicy").GetProperty("verdict").GetString());
    }

    [Fact]
    public void FetchToLoopbackIPv6_NetworkPolicyNotCoveredBecauseTrafficStaysInThePod()
    {
        var json = Json(Explain("--from", "fetch", "--to", "[::1]:8080", "--format", "json"));

        Assert.Equal("::1", json.GetProperty("event").GetProperty("address").GetString());
        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
        var networkPolicy = Backend(json, "networkpolicy");
        Assert.Equal("not covered", networkPolicy.GetProperty("verdict").GetString());
        Assert.Contains("never reaches the network plugin", networkPolicy.GetProperty("why").GetString());
        Assert.Equal("blocked", Backend(json, "tetragon").GetProperty("verdict").GetString());
    }

    [Fact]
    public void IPv4MappedMetadata_IsJudgedAsTheIPv4AddressOnTheWire()
    {
        var json = Json(Explain("--from", "fetch", "--to", "[::ffff:169.254.169.254]:80", "--format", "json"));

        Assert.Equal("169.254.169.254", json.GetProperty("event").GetProperty("wireAddress").GetString());
        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal("blocked", Backend(json, "tetragon").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Udp_IsCarriedIntoTheEvent()
    {
        var json = Json(Explain("--from", "fetch", "--to", "93.184.215.14:443", "--protocol", "udp", "--format", "json"));

        Assert.Equal("udp", json.GetProperty("event").GetProperty("protocol").GetString());
        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Text_NamesVerdictWhyRulesAndObjectsPerBackend()
    {
        var run = Explain("--from", "fetch", "--to", "169.254.169.254:80");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Equal("connect from acme/fetch (binary /app/mcp-server, namespace acme) to 169.254.169.254:80/TCP", lines[0]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["policy", "blocked"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["networkpolicy", "blocked"]);
        Assert.Contains(lines, l => l.Trim().StartsWith("why: denied by", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == "objects: NetworkPolicy acme/hangar-fetch-egress");
        Assert.Contains(lines, l => l.Trim().StartsWith("coverage: acme/deny-cloud-metadata unsupported",
            StringComparison.Ordinal));
    }

    [Fact]
    public void ToolWithBinary_IsExplainedAsThatBinary()
    {
        var json = Json(Explain("--from", "git/git_log", "--to", "140.82.112.3:443", "--format", "json"));

        Assert.Equal("git_log", json.GetProperty("event").GetProperty("tool").GetString());
        Assert.Equal("/usr/bin/git", json.GetProperty("event").GetProperty("binary").GetString());
        Assert.Equal("blocked", json.GetProperty("policy").GetProperty("verdict").GetString());
    }

    [Fact]
    public void ManifestToolWithoutRules_IsExplainedAsItsServerWithANote()
    {
        var run = Explain("--from", "github/get_me", "--to", "140.82.112.3:443");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("note: tool 'get_me' has no rules or binaries of its own", run.Out);
    }

    [Theory]
    [InlineData("--from", "fetchh", "'fetchh'", "the servers are: fetch, filesystem, git, github")]
    [InlineData("--from", "git/git_push", "'git_push'", "its tools are:")]
    [InlineData("--from", "acme/fetch/fetch", "'acme/fetch/fetch'", "--workspace")]
    [InlineData("--from", "acme", "'acme' is a workspace", "--workspace acme --from SERVER")]
    [InlineData("--to", "169.254.169.254", "there is no port", "169.254.169.254:443")]
    [InlineData("--to", "169.254.169.254:0", "port 0 is out of range", "1 to 65535")]
    [InlineData("--to", "10.0.0.1:65536", "port 65536 is out of range", "1 to 65535")]
    [InlineData("--to", "10.0.0.1:99999999999", "out of range", "1 to 65535")]
    [InlineData("--to", "10.0.0.1:https", "port 'https' is not a number", "1 to 65535")]
    [InlineData("--to", "::1:8080", "needs brackets", "[::1]:8080")]
    [InlineData("--to", "[::1]", "there is no port", "[::1]:443")]
    [InlineData("--to", "[::1:80", "never closed", "[ADDRESS]:PORT")]
    [InlineData("--to", "metadata.google.internal:80", "is not an IP address", "--hostname")]
    [InlineData("--to", "127.1:80", "shorthand of 127.0.0.1", "127.0.0.1:PORT")]
    [InlineData("--to", "300.1.1.1:80", "'300.1.1.1' is not an IP address", "--hostname")]
    [InlineData("--binary", "git", "'git' is not an absolute path", "/usr/bin/git")]
    public void BadInput_IsAUsageErrorNamingTheValueAndTheFix(string option, string value, string problem, string fix)
    {
        string[] args = option switch
        {
            "--from" => ["--from", value, "--to", "10.0.0.1:443"],
            "--to" => ["--from", "fetch", "--to", value],
            _ => ["--from", "fetch", "--to", "10.0.0.1:443", option, value],
        };

        var run = Explain(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(problem, run.Error);
        Assert.Contains(fix, run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void MissingTo_IsAUsageError()
    {
        var run = Explain("--from", "fetch");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--to", run.Error);
    }

    [Fact]
    public void ServerInTwoWorkspaces_NeedsTheWorkspace()
    {
        var run = _cli.Run(TwoWorkspaces, "explain", "--from", "fetch", "--to", "127.0.0.1:80");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("server 'fetch' is in several workspaces (acme, beta)", run.Error);
        Assert.Contains("--workspace acme", run.Error);
    }

    [Fact]
    public void ServerInTwoWorkspaces_WorkspaceSelectsTheOne()
    {
        var run = _cli.Run(TwoWorkspaces, "explain", "--workspace", "beta", "--from", "fetch", "--to", "127.0.0.1:80",
            "--format", "json");

        var json = Json(run);
        Assert.Equal("beta", json.GetProperty("event").GetProperty("workspace").GetString());
        Assert.Equal("allowed", json.GetProperty("policy").GetProperty("verdict").GetString());
    }

    [Fact]
    public void UnknownWorkspace_IsAUsageErrorListingTheWorkspaces()
    {
        var run = _cli.Run(TwoWorkspaces, "explain", "--workspace", "gamma", "--from", "fetch", "--to", "127.0.0.1:80");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--workspace 'gamma' is not a workspace of the policy; the workspaces are: acme, beta", run.Error);
    }

    [Fact]
    public void PolicyErrors_ExitOneWithoutExplaining()
    {
        var run = _cli.Run(() => PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.0.0.1/8")
            .Server("fetch", _ => { })).Build(), "explain", "--from", "fetch", "--to", "10.0.0.1:443");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("HANGAR0001", run.Error);
        Assert.Empty(run.Out);
    }

    private static PolicySet TwoWorkspaces() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.DenyLoopback().Server("fetch", _ => { }))
        .Workspace("beta", ws => ws.Server("fetch", s => s.DenyCloudMetadata()))
        .Build();
}
