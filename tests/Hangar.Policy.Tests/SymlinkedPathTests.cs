using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tests;

public sealed class SymlinkedPathTests
{
    [Theory]
    [InlineData("/bin/sh", "/usr/bin/sh")]
    [InlineData("/sbin/ip", "/usr/sbin/ip")]
    [InlineData("/lib/x86_64-linux-gnu/", "/usr/lib/x86_64-linux-gnu/")]
    [InlineData("/var/run/secrets/", "/run/secrets/")]
    [InlineData("/var/run", "/run")]
    public void Resolved_PathUnderLinkedDirectory_GivesResolvedSpelling(string path, string expected) =>
        Assert.Equal(expected, SymlinkedPaths.Resolved(path));

    [Theory]
    [InlineData("/usr/bin/sh")]
    [InlineData("/binaries/x")]
    [InlineData("/library/x")]
    [InlineData("/var/running")]
    public void Resolved_OtherPath_IsNull(string path) => Assert.Null(SymlinkedPaths.Resolved(path));

    [Fact]
    public void DenyExec_LinkedSpelling_DeniesBothSpellings()
    {
        var set = PolicySet.Named("p").Workspace("acme").DenyExec("/bin/sh").Build();

        Assert.Equal(["/bin/sh", "/usr/bin/sh"], Assert.IsType<DenyExecRule>(Assert.Single(set.AllRules)).Paths.Select(p => p.Path));
    }

    [Fact]
    public void DenyFileRead_ServiceAccountDirectoryUnderVarRun_DeniesBothSpellings()
    {
        var set = PolicySet.Named("p").Workspace("acme").DenyFileRead("/var/run/secrets/kubernetes.io/serviceaccount/").Build();

        var rule = Assert.IsType<DenyFileAccessRule>(Assert.Single(set.AllRules));
        Assert.Equal(["/run/secrets/kubernetes.io/serviceaccount/", "/var/run/secrets/kubernetes.io/serviceaccount/"],
            rule.Paths.Select(p => p.Path));
    }

    [Fact]
    public void AllowExec_LinkedSpelling_IsNotWidenedAndWarnsWithResolvedPath()
    {
        var set = PolicySet.Named("p").Workspace("acme").Server("git").AllowExec("/bin/sh", "/usr/bin/git").Build();

        var rule = Assert.IsType<AllowExecRule>(Assert.Single(set.AllRules));
        Assert.Equal(["/bin/sh", "/usr/bin/git"], rule.Paths.Select(p => p.Path));
        var warning = Assert.Single(PolicyValidator.Validate(set, null), d => d.Id == DiagnosticIds.SymlinkedPath);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("p", warning.Policy);
        Assert.Contains(rule.Id.Value, warning.Subject);
        Assert.Contains("'/bin/sh'", warning.Problem);
        Assert.Contains("\"/usr/bin/sh\"", warning.Fix);
    }

    [Fact]
    public void AllowExec_BothSpellings_DoesNotWarn()
    {
        var set = PolicySet.Named("p").Workspace("acme").Server("git").AllowExec("/bin/sh", "/usr/bin/sh").Build();

        Assert.DoesNotContain(PolicyValidator.Validate(set, null), d => d.Id == DiagnosticIds.SymlinkedPath);
    }

    [Fact]
    public void DenyFileWritesOutside_RootUnderVarRun_Warns()
    {
        var set = PolicySet.Named("p").Workspace("acme").Server("s").DenyFileWritesOutside("/var/run/app/").Build();

        var warning = Assert.Single(PolicyValidator.Validate(set, null), d => d.Id == DiagnosticIds.SymlinkedPath);
        Assert.Contains("\"/run/app/\"", warning.Fix);
    }

    [Fact]
    public void RunsAs_LinkedSpelling_WarnsNamingTheTool()
    {
        var set = PolicySet.Named("p").Workspace("acme").Server("s").Tool("sh", t => t.RunsAs("/bin/sh")).Build();

        var warning = Assert.Single(PolicyValidator.Validate(set, null), d => d.Id == DiagnosticIds.SymlinkedPath);
        Assert.Contains("Tool(\"sh\")", warning.Subject);
        Assert.Contains("RunsAs(\"/usr/bin/sh\")", warning.Fix);
    }
}
