using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

public sealed class ValidateTests : IDisposable
{
    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void ValidPolicy_ExitsZeroAndWritesNothing()
    {
        var run = _cli.Run(() => OneServer("p", "acme"), "validate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("ok: 'p'", run.Out);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_cli.WorkingDirectory));
    }

    [Fact]
    public void NoEnginesAnywhere_DefaultsToNetworkPolicy()
    {
        var run = _cli.Run(() => OneServer("p", "acme"), "validate");

        Assert.Contains("for networkpolicy,", run.Out);
    }

    [Fact]
    public void ConfigEngines_AreUsedWithoutTheFlag()
    {
        _cli.WriteFile("hangar.yaml", "policy_engines: [NetworkPolicy]\n");

        var run = _cli.Run(() => OneServer("p", "acme"), "validate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("config hangar.yaml", run.Out);
    }

    [Fact]
    public void PolicyDefinitionError_ExitsOne()
    {
        var run = _cli.Run(() => PolicySet.Named("p").Workspace("Acme Corp", ws => ws.DenyLoopback()).Build(), "validate");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("HANGAR0003", run.Error);
        Assert.Contains("'Acme Corp'", run.Error);
    }

    [Fact]
    public void OtherExceptionFromPolicyCode_ExitsOneNamingTheSource()
    {
        var run = _cli.Run([new PolicySource("Policies.Acme", () => PolicySet.Named("p")
            .Workspace("acme", ws => ws.AllowEgress("1.2.3.0/24", Ports.Tcp(70000))).Build())], "validate");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("policy 'Policies.Acme'", run.Error);
        Assert.Contains("70000", run.Error);
    }

    [Fact]
    public void SeveralPolicySets_AreCompiledTogether()
    {
        var sources = new[]
        {
            PolicySource.From(() => OneServer("team-a", "a")),
            PolicySource.From(() => OneServer("team-b", "b"), 2),
        };

        var run = _cli.Run(sources, "validate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("ok: 'team-a', 'team-b', 2 rules, 2 objects", run.Out);
    }

    [Fact]
    public void TwoPolicySetsWithOneName_ExitsOne()
    {
        var sources = new[]
        {
            PolicySource.From(() => OneServer("team", "a")),
            PolicySource.From(() => OneServer("team", "b"), 2),
        };

        var run = _cli.Run(sources, "validate");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("2 policy sets are named 'team'", run.Error);
    }

    [Fact]
    public void TwoPolicySetsEmittingOneObject_ExitsOne()
    {
        var sources = new[]
        {
            PolicySource.From(() => OneServer("team-a", "acme")),
            PolicySource.From(() => OneServer("team-b", "acme"), 2),
        };

        var run = _cli.Run(sources, "validate");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("HANGAR0206", run.Error);
    }

    [Fact]
    public void PolicySourceFromMethodGroup_IsNamedAfterTheMethod()
    {
        Assert.Equal("ValidateTests.Named", PolicySource.From(Named).Name);
        Assert.Equal("policy #3", PolicySource.From(() => Named(), 3).Name);
    }

    private static PolicySet Named() => OneServer("p", "acme");

    private static PolicySet OneServer(string set, string workspace) =>
        PolicySet.Named(set).Workspace(workspace, ws => ws.DenyCloudMetadata().Server("fetch", _ => { })).Build();

    [Fact]
    public void CatalogEntries_AreBuiltAndTheirErrorsReported()
    {
        var error = new StringWriter();
        var options = new HangarHostOptions
        {
            Out = new StringWriter(),
            Error = error,
            WorkingDirectory = _cli.WorkingDirectory,
            ApplicationDirectory = null,
        };
        PolicyRegistration[] catalog =
            [new("Acme.Policies.Workspace", () => PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("::1/64")).Build())];

        var code = HangarHost.Run(["validate"], catalog, options);

        Assert.Equal(ExitCodes.PolicyErrors, code);
        Assert.Contains("'::1/64'", error.ToString());
    }
}
