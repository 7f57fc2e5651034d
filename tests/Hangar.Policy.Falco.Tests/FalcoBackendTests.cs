using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Falco.Tests;

public sealed class FalcoBackendTests
{
    private static PolicySet GitServer(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", configure)).Build();

    [Fact]
    public void Coverage_IsNeverEnforcedOrWidened()
    {
        var set = GitServer(s => s.DenyLoopback().DenyCloudMetadata().DefaultDenyEgress().AllowEgress("api.github.com", Ports.Tcp(443))
            .DenyExec("/usr/bin/curl").AllowExec("/usr/bin/git").DenyFileWrite("/etc/").DenyCapability("NET_RAW")
            .AuditSyscall("ptrace").DenySocketProtocol(Rules.SocketProtocol.Raw, Rules.SocketProtocol.Sctp));

        var result = Emission.Compile(set);

        Assert.True(result.Succeeded);
        Assert.All(result.Coverage.Entries, e => Assert.Contains(e.Status, new[] { CoverageStatus.Detected, CoverageStatus.Unsupported }));
        Assert.Equal(CoverageStatus.Unsupported,
            Assert.Single(result.Coverage.Entries, e => e.RuleId.Value.Contains("deny-socket-protocol", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public void DenyLoopback_CoversIPv4MappedRangesInHex()
    {
        var rules = Emission.RulesFile(Emission.Compile(GitServer(s => s.DenyLoopback())));

        Assert.Contains("\"::ffff:7f00:0/104\"", rules);
        Assert.Contains("\"127.0.0.0/8\"", rules);
        Assert.DoesNotContain("::ffff:127.", rules);
    }

    [Theory]
    [InlineData("0.41.9", true)]
    [InlineData("0.42.0", false)]
    public void ConnectCondition_EvtDir_OnlyBefore042(string version, bool expected)
    {
        var rules = Emission.RulesFile(Emission.Compile(GitServer(s => s.DenyLoopback()), version));

        Assert.Equal(expected, rules.Contains("evt.dir = <", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetBefore041_IsAnErrorNamingTheSupportedRange()
    {
        var result = Emission.Compile(GitServer(s => s.DenyLoopback()), "0.40.0");

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticIds.EngineVersionTooOld, error.Id);
        Assert.Contains("0.41.0", error.Fix);
    }

    [Fact]
    public void PathEndingInBackslash_IsRefusedBeforeAnyBackendSeesIt()
    {
        Assert.Throws<PolicyDefinitionException>(() => GitServer(s => s.DenyFileRead("/srv/evil\\")));
    }

    [Fact]
    public void Output_CarriesProvenanceChain()
    {
        var set = GitServer(s => s.Tool("git_log", t => t.RunsAs("/usr/bin/git").DenyExec("/usr/bin/ssh")));

        var rules = Emission.RulesFile(Emission.Compile(set));

        foreach (var field in new[] { "rule_id=acme/git/git_log/deny-exec-", "workspace=acme", "server=git", "tool=git_log",
                     "%proc.exepath",
                     "%container.id", "%k8s.pod.name", "%k8s.ns.name", "%k8s.pod.label[hangar.dev/user]", "%proc.pexepath" })
            Assert.Contains(field, rules);
        Assert.Contains("proc.pexepath in (\"/usr/bin/git\")", rules);
    }

    [Fact]
    public void RulesFile_DeclaresEngineAndContainerPlugin()
    {
        var rules = Emission.RulesFile(Emission.Compile(GitServer(s => s.DenyLoopback())));

        Assert.Contains($"- required_engine_version: {FalcoFeatures.RequiredEngineVersion}", rules);
        Assert.Contains("name: container", rules);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("a\nb\tc", "\"a\\nb\\tc\"")]
    [InlineData("ü 中 😀", "\"ü 中 😀\"")]
    public void Quote_EscapesAsFalcoLexerReads(string value, string expected)
    {
        var quoted = FalcoStrings.Quote(value, out _);

        Assert.Equal(expected, quoted);
        Assert.Equal([value], FalcoLexer.Strings(quoted!));
    }

    [Theory]
    [InlineData("ends\\")]
    [InlineData("bell\u0007")]
    public void Quote_UnrepresentableValue_IsRefused(string value)
    {
        Assert.Null(FalcoStrings.Quote(value, out var problem));
        Assert.NotEmpty(problem);
    }
}
