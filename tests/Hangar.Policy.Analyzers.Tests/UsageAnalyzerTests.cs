using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Tests.Infrastructure;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class UsageAnalyzerTests
{
    [Fact]
    public Task BuiltSetAsStatement_ShouldReportDiscarded() => PolicyAnalyzerTest<DiscardedPolicyAnalyzer>.VerifyAsync("""
        static class P
        {
            static void Declare() { {|HANGAR0401:PolicySet.Named("acme").Workspace("acme", ws => ws.DenyLoopback()).Build()|}; }
        }
        """);

    [Fact]
    public Task ChainFromNamedNeverBuilt_ShouldReportDiscarded() => PolicyAnalyzerTest<DiscardedPolicyAnalyzer>.VerifyAsync("""
        static class P
        {
            static void Declare() { {|HANGAR0401:PolicySet.Named("acme").Workspace("acme").DenyLoopback()|}; }
        }
        """);

    [Fact]
    public Task ReturnedOrRegistered_ShouldNotReport() => PolicyAnalyzerTest<DiscardedPolicyAnalyzer>.VerifyAsync("""
        static class P
        {
            static PolicySet Returned() => PolicySet.Named("a").Workspace("a", ws => ws.DenyLoopback()).Build();
            static void Registered() { HangarPolicyCatalog.Register(PolicySet.Named("b").Build()); }
        }
        """);

    [Fact]
    public Task ChainOnBuilderParameter_ShouldNotReport() => PolicyAnalyzerTest<DiscardedPolicyAnalyzer>.VerifyAsync("""
        static class P
        {
            static void Configure(WorkspaceBuilder ws) { ws.DenyLoopback().Server("fetch").DenyLateral(); }
            static PolicySet Build() => PolicySet.Named("a")
                .Workspace("a", ws => ws.DenyLoopback().Server("x", s => s.DenyLateral())).Build();
        }
        """);

    [Fact]
    public Task PolicyMember_InstanceOrWithParameters_ShouldReport() => PolicyAnalyzerTest<PolicyMemberAnalyzer>.VerifyAsync("""
        class P
        {
            [{|HANGAR0402:HangarPolicy|}]
            public PolicySet Instance() => PolicySet.Named("a").Build();

            [{|HANGAR0402:HangarPolicy|}]
            public static PolicySet WithName(string name) => PolicySet.Named(name).Build();

            [{|HANGAR0402:HangarPolicy|}]
            public static PolicySetBuilder NotBuilt => PolicySet.Named("c");
        }
        """);

    [Fact]
    public Task PolicyMember_StaticParameterless_ShouldNotReport() => PolicyAnalyzerTest<PolicyMemberAnalyzer>.VerifyAsync("""
        static class P
        {
            [HangarPolicy]
            public static PolicySet Method() => PolicySet.Named("a").Build();

            [HangarPolicy]
            internal static PolicySet Property => PolicySet.Named("b").Build();
        }
        """);
}
