using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.KubeArmor.Tests;

public sealed class KubeArmorCoverageTests
{
    private static PolicySet GitServer(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", configure)).Build();

    [Fact]
    public void DenyLoopback_IsUnsupportedAndEmitsNothing()
    {
        var result = Emission.Compile(GitServer(s => s.DenyLoopback().DenyCidr("10.0.0.0/8")));

        Assert.Empty(result.Objects);
        Assert.All(result.Coverage.Entries, e => Assert.Equal(CoverageStatus.Unsupported, e.Status));
        Assert.Contains("destination addresses", Emission.Coverage(result, "deny-loopback").Reason);
    }

    [Fact]
    public void DenyExec_AtServerScope_IsEnforced()
    {
        var result = Emission.Compile(GitServer(s => s.DenyExec("/usr/bin/curl")));

        Assert.Equal(CoverageStatus.Enforced, Emission.Coverage(result, "deny-exec").Status);
    }

    [Fact]
    public void ToolRule_WithoutBinaries_IsWidenedToServer()
    {
        var result = Emission.Compile(GitServer(s => s.Tool("git_push", t => t.DenyExec("/usr/bin/ssh"))));

        var entry = Emission.Coverage(result, "deny-exec");
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("RunsAs", entry.Reason);
        Assert.DoesNotContain("fromSource", result.Objects.Single().ToYaml());
    }

    [Fact]
    public void AllowExec_UnderAuditPosture_IsDetectedOnly()
    {
        var result = Emission.Compile(GitServer(s => s.AllowExec("/usr/bin/git")));

        var entry = Emission.Coverage(result, "allow-exec");
        Assert.Equal(CoverageStatus.Detected, entry.Status);
        Assert.Contains("kubearmor-file-posture=block", entry.Reason);
    }

    [Fact]
    public void AllowExec_UnderBlockPosture_IsEnforced()
    {
        var block = new KubeArmorOptions { FilePosture = KubeArmorPosture.Block };

        var result = Emission.Compile(GitServer(s => s.AllowExec("/usr/bin/git")), block);

        Assert.Equal(CoverageStatus.Enforced, Emission.Coverage(result, "allow-exec").Status);
        Assert.Equal("Allow", Emission.Spec(result.Objects.Single())["action"]);
    }

    [Fact]
    public void AuditModeAllowlist_UnderBlockPosture_IsNotEmitted()
    {
        var set = PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Audit().Server("git", s => s.AllowExec("/usr/bin/git"))).Build();

        var result = Emission.Compile(set, new KubeArmorOptions { FilePosture = KubeArmorPosture.Block });

        Assert.Empty(result.Objects);
        Assert.Equal(CoverageStatus.Unsupported, Emission.Coverage(result, "allow-exec").Status);
    }

    [Fact]
    public void ToolAllowlist_WithBinaries_UnderBlockPosture_IsWidenedWithoutFromSource()
    {
        var result = Emission.Compile(GitServer(s => s.Tool("git_log", t => t.RunsAs("/usr/bin/git").AllowExec("/usr/bin/git"))),
            new KubeArmorOptions { FilePosture = KubeArmorPosture.Block });

        Assert.Equal(CoverageStatus.Widened, Emission.Coverage(result, "allow-exec").Status);
        Assert.DoesNotContain("fromSource", result.Objects.Single().ToYaml());
    }

    [Fact]
    public void DenyCapability_BpfAndNetRaw_IsPartialNamingBpfAndEmitsNetRaw()
    {
        var result = Emission.Compile(GitServer(s => s.DenyCapability("BPF", "NET_RAW")));

        var entry = Emission.Coverage(result, "deny-capability");
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("lacks BPF", entry.Reason);
        Assert.Contains("capability: net_raw", result.Objects.Single().ToYaml());
        Assert.DoesNotContain("bpf", result.Objects.Single().ToYaml());
    }

    [Fact]
    public void DenyCapability_OnlyCapabilitiesKubeArmorLacks_IsUnsupportedAndEmitsNothing()
    {
        var result = Emission.Compile(GitServer(s => s.DenyCapability("BPF", "PERFMON")));

        var entry = Emission.Coverage(result, "deny-capability");
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("PERFMON", entry.Reason);
        Assert.Contains("BPF", entry.Reason);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void DenyCapability_InAuditMode_WithCapabilityKubeArmorLacks_IsDetectedNamingIt()
    {
        var result = Emission.Compile(GitServer(s => s.DenyCapability(["BPF", "NET_RAW"], RuleMode.Audit)));

        var entry = Emission.Coverage(result, "deny-capability");
        Assert.Equal(CoverageStatus.Detected, entry.Status);
        Assert.Contains("lacks BPF", entry.Reason);
    }

    [Fact]
    public void ToolAllowlist_WithBinaries_UnderAuditPosture_SaysItAppliesToTheWholeServer()
    {
        var result = Emission.Compile(GitServer(s => s.Tool("git_log", t => t.RunsAs("/usr/bin/git").AllowExec("/usr/bin/git"))));

        var entry = Emission.Coverage(result, "allow-exec");
        Assert.Equal(CoverageStatus.Detected, entry.Status);
        Assert.Contains("applies to all of the tool's server", entry.Reason);
        Assert.DoesNotContain("fromSource", result.Objects.Single().ToYaml());
    }

    [Fact]
    public void ToolRule_BinaryWithQuote_IsWidenedToServerWithoutFromSource()
    {
        var set = GitServer(s => s.Tool("git_log", t => t.RunsAs("/opt/my \"tool\"").DenyExec("/usr/bin/ssh")));

        var result = Emission.Compile(set);

        var entry = Emission.Coverage(result, "deny-exec");
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("quote or backslash", entry.Reason);
        Assert.DoesNotContain("fromSource", result.Objects.Single().ToYaml());
    }

    [Fact]
    public void DenyFileRead_IsWidenedAndSaysWritesAreBlockedToo()
    {
        var result = Emission.Compile(GitServer(s => s.DenyFileRead("/etc/shadow")));

        var entry = Emission.Coverage(result, "deny-file-read");
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("writes are blocked too", entry.Reason);
    }

    [Fact]
    public void AuditSyscall_UnknownToKubeArmor_IsUnsupported()
    {
        var result = Emission.Compile(GitServer(s => s.AuditSyscall("ptrace", "clone3")));

        var entry = Emission.Coverage(result, "audit-syscall");
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("clone3", entry.Reason);
    }

    [Fact]
    public void PathWithQuote_IsUnsupportedAndNotEmitted()
    {
        var result = Emission.Compile(GitServer(s => s.DenyExec("/opt/a\"b")));

        Assert.Empty(result.Objects);
        Assert.Equal(CoverageStatus.Unsupported, Emission.Coverage(result, "deny-exec").Status);
    }

    [Theory]
    [InlineData("1.4.9", CoverageStatus.Unsupported)]
    [InlineData("1.5.0", CoverageStatus.Enforced)]
    public void SctpSockets_AtVersionBoundary(string version, CoverageStatus expected)
    {
        var result = Emission.Compile(GitServer(s => s.DenySocketProtocol(SocketProtocol.Sctp, SocketProtocol.Raw)), version: version);

        Assert.Equal(expected, Emission.Coverage(result, "deny-socket-protocol").Status);
        var yaml = result.Objects.Single().ToYaml();
        Assert.Contains("protocol: raw", yaml);
        Assert.Equal(expected == CoverageStatus.Enforced, yaml.Contains("protocol: sctp", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetOutsideSupportedVersions_IsAnError()
    {
        var result = Emission.Compile(GitServer(s => s.DenyExec("/usr/bin/curl")), version: "0.9.0");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, d => d.Id == Validation.DiagnosticIds.EngineVersionTooOld);
    }

    [Fact]
    public void SharedNamespaceAndServerName_GetWorkspaceInName()
    {
        var set = PolicySet.Named("p")
            .Workspace("a", ws => ws.InNamespace("shared").Server("git", s => s.DenyExec("/usr/bin/curl")))
            .Workspace("b", ws => ws.InNamespace("shared").Server("git", s => s.DenyExec("/usr/bin/curl")))
            .Build();

        var result = Emission.Compile(set);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["hangar-a-git", "hangar-b-git"], result.Objects.Select(o => o.Name).Order());
    }
}
