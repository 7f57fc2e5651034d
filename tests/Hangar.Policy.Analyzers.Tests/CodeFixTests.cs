using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.CodeFixes;
using Hangar.Policy.Analyzers.Tests.Infrastructure;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class CodeFixTests
{
    // What the tool registry generator writes for fetch.tools.json, reduced to the one handle the fix refers to.
    private const string GeneratedRegistry = """
        namespace Hangar.Policy.Generated
        {
            internal static class McpTools
            {
                public static FetchTools Fetch { get; } = new FetchTools();

                public sealed class FetchTools
                {
                    public global::Hangar.Policy.Manifests.McpToolHandle Fetch { get; } =
                        new("fetch", "fetch", global::Hangar.Policy.Manifests.ToolAnnotations.None);
                }
            }
        }
        """;

    private static string Policy(string body) => $$"""
        static class P
        {
            static PolicySet Build() => PolicySet.Named("acme").Workspace("acme", ws => { {{body}} }).Build();
        }
        """;

    [Fact]
    public Task CanonicalCidr_HostBitsSet_ShouldWriteTheNetwork() =>
        PolicyCodeFixTest<ArgumentAnalyzer, CanonicalCidrCodeFix>.VerifyAsync(
            Policy("""ws.DenyCidr({|HANGAR0001:"10.1.2.3/8"|});"""),
            Policy("""ws.DenyCidr("10.0.0.0/8");"""));

    [Fact]
    public Task CanonicalCidr_UpperCaseIPv6InList_ShouldWriteLowerCase() =>
        PolicyCodeFixTest<ArgumentAnalyzer, CanonicalCidrCodeFix>.VerifyAsync(
            Policy("""ws.AllowEgress(new[] { {|HANGAR0001:"2606:50C0::/32"|} }, Ports.Tcp(443));"""),
            Policy("""ws.AllowEgress(new[] { "2606:50c0::/32" }, Ports.Tcp(443));"""));

    [Fact]
    public Task ToolHandle_ListedToolString_ShouldUseTheHandle() =>
        PolicyCodeFixTest<ScopeAnalyzer, ToolHandleCodeFix>.VerifyAsync(
            Policy("""ws.Server("fetch", s => s.Tool({|HANGAR0303:"fetch"|}, t => { }));"""),
            Policy("""ws.Server("fetch", s => s.Tool(Hangar.Policy.Generated.McpTools.Fetch.Fetch, t => { }));"""),
            ("/0/McpTools.g.cs", GeneratedRegistry), ("/p/fetch.tools.json", ManifestTexts.Fetch));

    [Fact]
    public Task ToolHandle_MisspeltTool_ShouldUseTheNearestHandle() =>
        PolicyCodeFixTest<ScopeAnalyzer, ToolHandleCodeFix>.VerifyAsync(
            Policy("""ws.Server("fetch", s => s.Tool({|HANGAR0301:"fetc"|}, t => { }));"""),
            Policy("""ws.Server("fetch", s => s.Tool(Hangar.Policy.Generated.McpTools.Fetch.Fetch, t => { }));"""),
            ("/0/McpTools.g.cs", GeneratedRegistry), ("/p/fetch.tools.json", ManifestTexts.Fetch));

    [Fact]
    public Task Register_DiscardedBuild_ShouldRegisterIt() =>
        PolicyCodeFixTest<DiscardedPolicyAnalyzer, RegisterPolicyCodeFix>.VerifyAsync("""
            static class P
            {
                static void Declare()
                {
                    {|HANGAR0401:PolicySet.Named("acme").Workspace("acme", ws => ws.DenyLoopback()).Build()|};
                }
            }
            """, """
            static class P
            {
                static void Declare()
                {
                    HangarPolicyCatalog.Register(PolicySet.Named("acme").Workspace("acme", ws => ws.DenyLoopback()).Build());
                }
            }
            """);

    [Fact]
    public Task Register_ChainNeverBuilt_ShouldBuildAndRegisterIt() =>
        PolicyCodeFixTest<DiscardedPolicyAnalyzer, RegisterPolicyCodeFix>.VerifyAsync("""
            static class P
            {
                static void Declare()
                {
                    {|HANGAR0401:PolicySet.Named("acme").Workspace("acme").DenyLoopback()|};
                }
            }
            """, """
            static class P
            {
                static void Declare()
                {
                    HangarPolicyCatalog.Register(PolicySet.Named("acme").Workspace("acme").DenyLoopback().Build());
                }
            }
            """);
}
