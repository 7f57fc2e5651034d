using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class ProcessRuleTests
{
    private static PolicySet GitServer(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", configure)).Build();

    [Fact]
    public void ProcessRules_MatchGolden()
    {
        var set = GitServer(s => s.DenyExec("/usr/bin/curl", "/tmp/").AllowExec("/usr/bin/git", "/usr/lib/git-core/")
            .DenyFileRead("/var/run/secrets/kubernetes.io/serviceaccount/").DenyFileWritesOutside("/projects/")
            .DenyCapability("NET_RAW", "SYS_ADMIN")
            .Tool("git_push", t => t.RunsAs("/usr/bin/git").DenyExec("/usr/bin/ssh")));

        GoldenFile.AssertMatches("process-rules", Compile.Yaml(Compile.For(set)));
    }

    [Fact]
    public void ProcessRules_ConformToCrdSchema()
    {
        var set = GitServer(s => s.DenyExec("/usr/bin/curl", "/tmp/").DenyFileWrite("/etc/").DenyCapability("NET_RAW")
            .Tool("git_push", t => t.RunsAs("/usr/bin/git").DenyFileRead("/root/.ssh/")));
        var result = Compile.For(set);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        foreach (var obj in result.Objects)
        {
            var schema = CrdSchemas.For("main", obj.Kind);
            if (schema is null)
                Assert.Skip(CrdSchemas.MissingReason);
            Assert.Empty(CrdSchemas.Errors(schema, YamlJson.Documents(obj.ToYaml()).Single()!));
        }
    }

    [Fact]
    public void DenyExec_IsEnforcedWithOverrideAtBprmCheck()
    {
        var result = Compile.For(GitServer(s => s.DenyExec("/usr/bin/curl")));

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Enforced, entry.Status);
        var yaml = Assert.Single(result.Objects).ToYaml();
        Assert.Contains("call: security_bprm_check", yaml);
        Assert.Contains("action: Override", yaml);
        Assert.Contains("disable-kprobe-multi", yaml);
    }

    [Fact]
    public void ToolRuleWithoutBinaries_IsWidened()
    {
        var result = Compile.For(GitServer(s => s.Tool("git_log", t => t.DenyCapability("NET_RAW"))));

        Assert.Equal(CoverageStatus.Widened, Assert.Single(result.Coverage.Entries).Status);
    }

    [Fact]
    public void AuditMode_IsDetectedAndPostsOnly()
    {
        var set = PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Audit().Server("git", s => s.DenyFileWrite("/etc/"))).Build();

        var result = Compile.For(set);

        Assert.Equal(CoverageStatus.Detected, Assert.Single(result.Coverage.Entries).Status);
        Assert.DoesNotContain("Override", Assert.Single(result.Objects).ToYaml());
    }

    [Fact]
    public void DenyExecBeforeTetragon17_SaysTheKernelNeedsKprobeOverride()
    {
        var result = Compile.For(GitServer(s => s.DenyExec("/usr/bin/curl")), "1.6.0");

        Assert.Contains("CONFIG_BPF_KPROBE_OVERRIDE", Assert.Single(result.Coverage.Entries).Reason);
    }

    [Fact]
    public void DenyExecOnTetragon17_NeedsNoKprobeOverride()
    {
        var result = Compile.For(GitServer(s => s.DenyExec("/usr/bin/curl")), "1.7.0");

        Assert.DoesNotContain("CONFIG_BPF_KPROBE_OVERRIDE", Assert.Single(result.Coverage.Entries).Reason);
    }

    [Fact]
    public void DenyFileRead_IsPartialAndNamesMemoryMappedReads()
    {
        var result = Compile.For(GitServer(s => s.DenyFileRead("/etc/")));

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("memory-mapped", entry.Reason);
    }

    [Fact]
    public void DenyFileWritesOutside_IsPartialAndNamesTruncationUnlinkRenameCreate()
    {
        var result = Compile.For(GitServer(s => s.DenyFileWritesOutside("/projects/")));

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        foreach (var gap in new[] { "mmap MAP_SHARED", "truncat", "unlink", "rename", "file creation" })
            Assert.Contains(gap, entry.Reason);
    }

    [Fact]
    public void ToolFileRuleWithoutBinaries_IsPartialNotWidened()
    {
        var result = Compile.For(GitServer(s => s.Tool("git_log", t => t.DenyFileWrite("/etc/"))));

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Partial, entry.Status);
        Assert.Contains("names no binary", entry.Reason);
    }

    [Fact]
    public void DenyExec_HasNoFileGap()
    {
        var result = Compile.For(GitServer(s => s.DenyExec("/usr/bin/curl")));

        Assert.DoesNotContain("not covered", Assert.Single(result.Coverage.Entries).Reason);
    }
}
