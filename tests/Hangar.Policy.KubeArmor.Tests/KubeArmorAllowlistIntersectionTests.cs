using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;

namespace Hangar.Policy.KubeArmor.Tests;

public sealed class KubeArmorAllowlistIntersectionTests
{
    private static readonly KubeArmorOptions Block = new() { FilePosture = KubeArmorPosture.Block };

    private static CompilationResult Compile(Func<WorkspaceBuilder, WorkspaceBuilder> workspace, KubeArmorOptions? options = null) =>
        Emission.Compile(PolicySet.Named("acme-mcp").Workspace("acme", ws => workspace(ws)).Build(), options);

    private static string AllowYaml(CompilationResult result) =>
        Assert.Single(result.Objects, o => o.Name.EndsWith("-allowlist", StringComparison.Ordinal)).ToYaml();

    [Fact]
    public void WorkspaceAndServerExecLists_EmitOnlyWhatBothList()
    {
        var result = Compile(ws => ws.AllowExec("/usr/bin/")
            .Server("git", s => s.AllowExec("/usr/bin/git", "/opt/tool/bin/x")), Block);

        var yaml = AllowYaml(result);
        Assert.Contains("path: /usr/bin/git", yaml);
        Assert.DoesNotContain("path: /opt/tool", yaml);
        Assert.DoesNotContain("dir: /usr/bin/", yaml);
    }

    [Fact]
    public void WorkspaceAndServerExecLists_UnderBlockPosture_AreEnforced()
    {
        var result = Compile(ws => ws.AllowExec("/usr/bin/").Server("git", s => s.AllowExec("/usr/bin/git")), Block);

        Assert.All(result.Coverage.Entries, e => Assert.Equal(CoverageStatus.Enforced, e.Status));
        Assert.Contains("intersected", result.Coverage.Entries.First().Reason);
    }

    [Fact]
    public void ServerAndToolExecLists_AreIntersectedAndWidened()
    {
        var result = Compile(ws => ws.Server("git", s => s.AllowExec("/usr/bin/", "/usr/local/bin/")
            .Tool("git_log", t => t.RunsAs("/usr/local/bin/mcp-git").AllowExec("/usr/bin/git"))), Block);

        var yaml = AllowYaml(result);
        Assert.Contains("path: /usr/bin/git", yaml);
        Assert.DoesNotContain("dir: /usr/bin/", yaml);
        Assert.DoesNotContain("fromSource", yaml);
        Assert.All(result.Coverage.Entries, e => Assert.Equal(CoverageStatus.Widened, e.Status));
    }

    [Fact]
    public void DisjointExecLists_BlockEveryExecutableEvenUnderAuditPosture()
    {
        var result = Compile(ws => ws.AllowExec("/tmp/")
            .Server("fetch", s => s.Tool("run", t => t.RunsAs("/usr/local/bin/mcp-tool").AllowExec("/usr/bin/"))));

        var deny = Assert.Single(result.Objects);
        Assert.Equal("Block", Emission.Spec(deny)["action"]);
        Assert.Contains("dir: /\n", deny.ToYaml());
        Assert.DoesNotContain("action: Audit", deny.ToYaml());
        Assert.All(result.Coverage.Entries, e => Assert.Equal(CoverageStatus.Widened, e.Status));
    }

    [Fact]
    public void IntersectedEntries_CarryTheIdsOfEveryList()
    {
        var result = Compile(ws => ws.AllowExec("/usr/bin/").Server("git", s => s.AllowExec("/usr/bin/git")), Block);

        var yaml = AllowYaml(result);
        Assert.Contains("acme/allow-exec", yaml);
        Assert.Contains("acme/git/allow-exec", yaml);
    }

    [Fact]
    public void TwoWritableLists_AllowWritesOnlyWhereBothDo()
    {
        var result = Compile(ws => ws.DenyFileWritesOutside("/projects/", "/tmp/")
            .Server("git", s => s.DenyFileWritesOutside("/projects/acme/")), Block);

        var yaml = AllowYaml(result);
        Assert.Contains("dir: /projects/acme/", yaml);
        Assert.DoesNotContain("dir: /tmp/", yaml);
        Assert.DoesNotContain("dir: /projects/\n", yaml);
    }

    [Fact]
    public void SingleExecList_IsEmittedAsWritten()
    {
        var result = Compile(ws => ws.Server("git", s => s.AllowExec("/usr/bin/git", "/usr/lib/git-core/")), Block);

        var yaml = AllowYaml(result);
        Assert.Contains("path: /usr/bin/git", yaml);
        Assert.Contains("dir: /usr/lib/git-core/", yaml);
        Assert.Equal(CoverageStatus.Enforced, Emission.Coverage(result, "allow-exec").Status);
    }

    [Fact]
    public void AuditListDisjointFromEnforcedList_UnderAuditPosture_OnlyAudits()
    {
        var result = Compile(ws => ws.AllowExec("/bin/sh").Server("fetch", s => s.Audit().AllowExec("/tmp/")));

        var deny = Assert.Single(result.Objects);
        Assert.Contains("action: Audit", deny.ToYaml());
        Assert.All(result.Coverage.Entries, e => Assert.Equal(CoverageStatus.Detected, e.Status));
    }
}
