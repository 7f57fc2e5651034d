using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;

namespace Hangar.Policy.KubeArmor.Tests;

/// <summary>The coverage of allowlist rules under each declared file posture, and when none is declared.</summary>
public sealed class KubeArmorPostureCoverageTests
{
    private static PolicySet GitServer(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", configure)).Build();

    [Theory]
    [InlineData("allow-exec")]
    [InlineData("deny-file-writes-outside")]
    public void Allowlist_PostureNotDeclared_IsDetectedAndSaysAuditIsAssumed(string intent)
    {
        var result = Emission.Compile(GitServer(s => s.AllowExec("/usr/bin/git").DenyFileWritesOutside("/projects/")));

        var entry = Emission.Coverage(result, intent);
        Assert.Equal(CoverageStatus.Detected, entry.Status);
        Assert.Contains("not declared (engine_options.kubearmor.posture.file in hangar.yaml)", entry.Reason);
    }

    [Theory]
    [InlineData("allow-exec")]
    [InlineData("deny-file-writes-outside")]
    public void Allowlist_DeclaredAudit_IsDetected(string intent)
    {
        var options = new KubeArmorOptions { FilePosture = KubeArmorPosture.Audit };

        var result = Emission.Compile(GitServer(s => s.AllowExec("/usr/bin/git").DenyFileWritesOutside("/projects/")), options);

        var entry = Emission.Coverage(result, intent);
        Assert.Equal(CoverageStatus.Detected, entry.Status);
        Assert.Contains("the declared file posture is audit", entry.Reason);
    }

    [Theory]
    [InlineData("allow-exec")]
    [InlineData("deny-file-writes-outside")]
    public void Allowlist_DeclaredBlock_IsEnforcedAndSaysThePostureIsTrusted(string intent)
    {
        var options = new KubeArmorOptions { FilePosture = KubeArmorPosture.Block };

        var result = Emission.Compile(GitServer(s => s.AllowExec("/usr/bin/git").DenyFileWritesOutside("/projects/")), options);

        var entry = Emission.Coverage(result, intent);
        Assert.Equal(CoverageStatus.Enforced, entry.Status);
        Assert.Contains("declared block", entry.Reason);
    }

    [Fact]
    public void DenyRules_DoNotDependOnThePosture()
    {
        var set = GitServer(s => s.DenyExec("/usr/bin/curl"));

        var undeclared = Emission.Coverage(Emission.Compile(set), "deny-exec");
        var block = Emission.Coverage(Emission.Compile(set, new KubeArmorOptions { FilePosture = KubeArmorPosture.Block }), "deny-exec");

        Assert.Equal(undeclared, block);
    }

    [Fact]
    public void NetworkAndCapabilitiesPostures_ChangeNoObject()
    {
        var set = GitServer(s => s.AllowExec("/usr/bin/git").DenyCapability("NET_RAW"));
        var declared = new KubeArmorOptions { NetworkPosture = KubeArmorPosture.Block, CapabilitiesPosture = KubeArmorPosture.Block };

        var plain = Emission.Compile(set);
        var withPostures = Emission.Compile(set, declared);

        Assert.Equal(plain.Objects.Select(o => o.ToYaml()), withPostures.Objects.Select(o => o.ToYaml()));
        Assert.Equal(plain.Coverage.Entries, withPostures.Coverage.Entries);
    }
}
