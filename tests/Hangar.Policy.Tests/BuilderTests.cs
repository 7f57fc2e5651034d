using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tests;

public sealed class BuilderTests
{
    [Fact]
    public void LinearChain_BuildsRulesAtToolScope()
    {
        var set = PolicySet.Named("acme-mcp")
            .Workspace("acme").Server("fetch").Tool("fetch").DenyLoopback().DenyCloudMetadata()
            .Build();

        var tool = set.Workspaces.Single().Servers.Single().Tools.Single();
        Assert.Equal(["acme/fetch/fetch/deny-cloud-metadata", "acme/fetch/fetch/deny-loopback"],
            tool.Rules.Select(r => r.Id.Value).Order());
    }

    [Fact]
    public void RuleIds_DoNotDependOnDeclarationOrder()
    {
        var a = PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.0.0.0/8").DenyLoopback()).Build();
        var b = PolicySet.Named("p").Workspace("acme", ws => ws.DenyLoopback().DenyCidr("10.0.0.0/8")).Build();

        Assert.Equal(a.AllRules.Select(r => r.Id).Order(), b.AllRules.Select(r => r.Id).Order());
    }

    [Fact]
    public void DenyCidr_WithHostBits_NamesValueAndCanonicalFix()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() =>
            PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.0.0.1/8")));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidCidr, diagnostic.Id);
        Assert.Contains("'10.0.0.1/8' has host bits set", diagnostic.Problem);
        Assert.Contains("DenyCidr(\"10.0.0.0/8\")", diagnostic.Fix);
        Assert.Contains("acme", diagnostic.Subject);
    }

    [Fact]
    public void AllowInsideDeniedRange_IsRejectedAtBuild()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyCidr("10.0.0.0/8").Server("git", s => s.AllowEgress("10.1.0.0/16", Ports.Tcp(443))))
            .Build());

        Assert.Equal(DiagnosticIds.AllowInsideDeny, Assert.Single(error.Diagnostics).Id);
    }

    [Fact]
    public void Audit_AppliesToRulesBelowUnlessOverridden()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.Audit().DenyLoopback()
                .Server("fetch", s => s.DenyCloudMetadata(mode: RuleMode.Enforce).DenyLateral()))
            .Build();

        var modes = set.AllRules.ToDictionary(r => r.Intent, r => r.Mode);
        Assert.Equal(RuleMode.Audit, modes["deny-loopback"]);
        Assert.Equal(RuleMode.Enforce, modes["deny-cloud-metadata"]);
        Assert.Equal(RuleMode.Audit, modes["deny-lateral"]);
    }

    [Fact]
    public void Compile_WithoutDnsFact_FailsForClusterRestrictions()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DefaultDenyEgress().Server("git")).Build();

        var result = PolicyCompiler.Compile(set, new CompileOptions());

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, d => d.Id == DiagnosticIds.MissingClusterFact && d.Fix.Contains("cluster.dns"));
    }
}
