using Hangar.Policy.Analyzers.Generators;
using Hangar.Policy.Analyzers.Tests.Infrastructure;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class PolicyCatalogGeneratorTests
{
    private const string Policies = """
        namespace Acme.Policies
        {
            public static class Workspaces
            {
                [HangarPolicy]
                public static PolicySet Acme() => PolicySet.Named("acme").Workspace("acme", ws => ws.DenyLoopback()).Build();

                [HangarPolicy]
                internal static PolicySet Beta => PolicySet.Named("beta").Workspace("beta", ws => ws.DenyLateral()).Build();

                [HangarPolicy]
                public static PolicySet NeedsArgument(string name) => PolicySet.Named(name).Build();

                [HangarPolicy]
                private static PolicySet Hidden() => PolicySet.Named("hidden").Build();
            }
        }
        """;

    [Fact]
    public void Catalog_ValidMembers_ShouldMatchGoldenFile()
    {
        var run = GeneratorRun.Start(new PolicyCatalogGenerator(), GeneratorRun.Compile(Policies));

        GoldenFile.Match("HangarPolicies.g.cs", run.Source("HangarPolicies.g.cs"));
    }

    [Fact]
    public void Catalog_Generated_ShouldCompile()
    {
        var run = GeneratorRun.Start(new PolicyCatalogGenerator(), GeneratorRun.Compile(Policies));

        Assert.Empty(run.CompileErrors());
    }

    [Fact]
    public void Catalog_NoMarkedMember_ShouldGenerateNothing()
    {
        var run = GeneratorRun.Start(new PolicyCatalogGenerator(), GeneratorRun.Compile("class Unrelated { }"));

        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Catalog_NoRootNamespace_ShouldUseTheFallbackNamespace()
    {
        var run = GeneratorRun.Start(new PolicyCatalogGenerator(), GeneratorRun.Compile(Policies), rootNamespace: null);

        Assert.Contains("namespace Hangar.Policy.Generated", run.Source("HangarPolicies.g.cs"), StringComparison.Ordinal);
    }
}
