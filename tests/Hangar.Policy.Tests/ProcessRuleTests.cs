using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tests;

public sealed class ProcessRuleTests
{
    [Fact]
    public void AllowExec_AtServerScope_KeepsPathsAndDirectoriesSorted()
    {
        var set = PolicySet.Named("p").Workspace("acme").Server("git").AllowExec("/usr/lib/git-core/", "/usr/bin/git").Build();

        var rule = Assert.IsType<AllowExecRule>(Assert.Single(set.AllRules));
        Assert.Equal(["/usr/bin/git", "/usr/lib/git-core/"], rule.Paths.Select(p => p.Path));
        Assert.Equal([false, true], rule.Paths.Select(p => p.IsDirectory));
        Assert.StartsWith("acme/git/allow-exec-", rule.Id.Value);
    }

    [Theory]
    [InlineData("usr/bin/git", "is not an absolute path")]
    [InlineData("/usr//bin/git", "is not normalized")]
    [InlineData("/usr/bin/../bin/git", "is not normalized")]
    [InlineData("/usr/bin/g*t", "glob character")]
    [InlineData("/usr/bin/git\n", "control character")]
    [InlineData("", "is not an absolute path")]
    public void DenyExec_BadPath_NamesValueAndFix(string path, string expected)
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p").Workspace("acme").DenyExec(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidPath, diagnostic.Id);
        Assert.Equal("p", diagnostic.Policy);
        Assert.Contains("DenyExec", diagnostic.Subject);
        Assert.Contains(expected, diagnostic.Problem);
        Assert.Contains("absolute", diagnostic.Fix);
    }

    [Fact]
    public void DenyFileRead_PathLongerThanKubeArmorAccepts_IsRejected()
    {
        var path = "/" + new string('a', FilePaths.MaxLength);

        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p").Workspace("acme").DenyFileRead(path));

        Assert.Contains($"at most {FilePaths.MaxLength}", Assert.Single(error.Diagnostics).Problem);
    }

    [Fact]
    public void RunsAs_NonAsciiPathOverByteLimit_IsRejectedWithByteLength()
    {
        // 195 characters, but 5 + 190 × 3 = 575 bytes: Tetragon (255) and KubeArmor (200) count bytes.
        var path = "/opt/" + string.Concat(Enumerable.Repeat("\u3042", 190));

        var error = Assert.Throws<PolicyDefinitionException>(() =>
            PolicySet.Named("p").Workspace("acme").Server("fetch").Tool("fetch", t => t.RunsAs(path)));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidToolOrBinary, diagnostic.Id);
        Assert.Equal("p", diagnostic.Policy);
        Assert.Contains("RunsAs", diagnostic.Subject);
        Assert.Contains("575 bytes", diagnostic.Problem);
        Assert.Contains($"at most {FilePaths.MaxLength}", diagnostic.Problem);
        Assert.Contains($"at most {FilePaths.MaxLength} bytes", diagnostic.Fix);
    }

    [Fact]
    public void DenyExec_NonAsciiPathOverByteLimitButUnderCharacterLimit_IsRejected()
    {
        // 1 + 100 × 2 = 201 bytes in 101 characters.
        var path = "/" + new string('\u00e9', 100);

        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p").Workspace("acme").DenyExec(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidPath, diagnostic.Id);
        Assert.Contains("201 bytes", diagnostic.Problem);
        Assert.Contains("bytes in UTF-8", diagnostic.Fix);
    }

    [Fact]
    public void DenyExec_NonAsciiPathAtByteLimit_IsAccepted()
    {
        // 2 + 99 × 2 = 200 bytes, exactly the limit.
        var path = "/a" + new string('\u00e9', 99);

        var set = PolicySet.Named("p").Workspace("acme").DenyExec(path).Build();

        Assert.Equal(path, Assert.IsType<DenyExecRule>(Assert.Single(set.AllRules)).Paths.Single().Path);
    }

    [Fact]
    public void DenyFileWrite_Directory_IsRecordedAsWriteAccess()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyFileWrite("/etc/")).Build();

        var rule = Assert.IsType<DenyFileAccessRule>(Assert.Single(set.AllRules));
        Assert.Equal(Rules.FileAccess.Write, rule.Access);
        Assert.True(rule.Paths.Single().IsDirectory);
        Assert.StartsWith("acme/deny-file-write-", rule.Id.Value);
    }

    [Fact]
    public void DenyFileWritesOutside_Root_IsRejected()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p").Workspace("acme").DenyFileWritesOutside("/"));

        Assert.Contains("confine nothing", Assert.Single(error.Diagnostics).Problem);
    }

    [Theory]
    [InlineData("NET_RAW", LinuxCapability.NetRaw)]
    [InlineData("cap_sys_admin", LinuxCapability.SysAdmin)]
    [InlineData("CAP_CHECKPOINT_RESTORE", LinuxCapability.CheckpointRestore)]
    [InlineData("dac_read_search", LinuxCapability.DacReadSearch)]
    public void DenyCapability_KnownName_IsParsed(string name, LinuxCapability expected)
    {
        var set = PolicySet.Named("p").Workspace("acme").DenyCapability(name).Build();

        Assert.Equal([expected], Assert.IsType<DenyCapabilityRule>(Assert.Single(set.AllRules)).Capabilities);
    }

    [Fact]
    public void DenyCapability_Misspelled_SuggestsKnownName()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p").Workspace("acme").DenyCapability("NET_RAWW"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidCapability, diagnostic.Id);
        Assert.Contains("'NET_RAWW'", diagnostic.Problem);
        Assert.Contains("\"NET_RAW\"", diagnostic.Fix);
    }

    [Fact]
    public void LinuxCapabilities_Names_AreKernelSpelling()
    {
        Assert.Equal("SYS_TTY_CONFIG", LinuxCapabilities.Name(LinuxCapability.SysTtyConfig));
        Assert.Equal("SETFCAP", LinuxCapabilities.Name(LinuxCapability.Setfcap));
        Assert.Equal(41, LinuxCapabilities.All.Count);
        Assert.Equal(40, (int)LinuxCapability.CheckpointRestore);
    }

    [Fact]
    public void AuditSyscall_IsAlwaysAuditMode()
    {
        var set = PolicySet.Named("p").Workspace("acme").Enforce().AuditSyscall("ptrace", "mount").Build();

        var rule = Assert.IsType<AuditSyscallRule>(Assert.Single(set.AllRules));
        Assert.Equal(RuleMode.Audit, rule.Mode);
        Assert.Equal(["mount", "ptrace"], rule.Syscalls);
    }

    [Theory]
    [InlineData("Ptrace")]
    [InlineData("sys_ptrace()")]
    [InlineData("1bad")]
    public void AuditSyscall_BadName_IsRejected(string name)
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p").Workspace("acme").AuditSyscall(name));

        Assert.Equal(DiagnosticIds.InvalidSyscall, Assert.Single(error.Diagnostics).Id);
    }

    [Fact]
    public void AllowExec_InsideDenyAtWiderScope_IsRejectedAtBuild()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyExec("/usr/bin/").Server("git", s => s.AllowExec("/usr/bin/git")))
            .Build());

        Assert.Equal(DiagnosticIds.AllowInsideDeny, Assert.Single(error.Diagnostics).Id);
    }

    [Fact]
    public void ToolRule_WithBinaries_KeepsToolScope()
    {
        var set = PolicySet.Named("p").Workspace("acme").Server("git")
            .Tool("git_log", t => t.RunsAs("/usr/bin/git").DenyCapability("NET_RAW")).Build();

        var tool = set.Workspaces.Single().Servers.Single().Tools.Single();
        Assert.Equal(["/usr/bin/git"], tool.Binaries);
        Assert.Equal(ScopeLevel.Tool, Assert.Single(tool.Rules).Scope.Level);
    }

    [Fact]
    public void DenySocketProtocol_Raw_IsRecordedSorted()
    {
        var set = PolicySet.Named("p").Workspace("acme")
            .DenySocketProtocol(SocketProtocol.Raw, SocketProtocol.Icmp, SocketProtocol.Raw).Build();

        var rule = Assert.IsType<DenySocketProtocolRule>(Assert.Single(set.AllRules));
        Assert.Equal([SocketProtocol.Icmp, SocketProtocol.Raw], rule.Protocols);
        Assert.Equal("deny ICMP, RAW sockets", rule.Describe());
    }
}
