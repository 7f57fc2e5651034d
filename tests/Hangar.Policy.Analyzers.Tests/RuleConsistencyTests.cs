using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Tests.Infrastructure;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class RuleConsistencyTests
{
    private static Task Verify(string body) => PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync($$"""
        static class P
        {
            static PolicySet Build() => PolicySet.Named("acme").Workspace("acme", ws => { {{body}} }).Build();
        }
        """);

    [Fact]
    public Task AllowInsideDenySameScope_ShouldReport() =>
        Verify("""ws.DenyCidr("10.0.0.0/8").{|HANGAR0101:AllowEgress("10.1.0.0/16", Ports.Tcp(443))|};""");

    [Fact]
    public Task AllowInsideDenyOfWorkspace_FromServerScope_ShouldReport() =>
        Verify("""ws.DenyLoopback().Server("fetch", s => s.{|HANGAR0101:AllowEgress("127.0.0.1", Ports.Tcp(8080))|});""");

    [Fact]
    public Task AllowInsideDenyOfOtherServer_ShouldNotReport() =>
        Verify("""ws.Server("a", s => s.DenyCidr("10.0.0.0/8")).Server("b", s => s.AllowEgress("10.1.0.0/16", Ports.Tcp(443)));""");

    [Fact]
    public Task AllowOnPortsTheDenyDoesNotCover_ShouldNotReport() =>
        Verify("""ws.DenyCidr("10.0.0.0/8", Ports.Tcp(22)).AllowEgress("10.1.0.0/16", Ports.Tcp(443));""");

    [Fact]
    public Task AllowPartlyOutsideDeny_ShouldNotReport() =>
        Verify("""ws.DenyCidr("10.0.0.0/16").AllowEgress("10.0.0.0/8", Ports.Tcp(443));""");

    [Fact]
    public Task AllowInsideMetadataDeny_LinearChain_ShouldReport() =>
        Verify("""ws.DenyCloudMetadata().Server("fetch").{|HANGAR0101:AllowEgress("169.254.169.254", Ports.Tcp(80))|};""");

    [Fact]
    public Task DuplicatedRule_ShouldReportTheRepeat() =>
        Verify("""ws.DenyLoopback().DenyCidr("10.0.0.0/8").{|HANGAR0102:DenyLoopback()|};""");

    [Fact]
    public Task DuplicatedCidrRule_DifferentSpelling_ShouldReport() =>
        Verify("""ws.DenyCidr("10.0.0.0/8").{|HANGAR0102:DenyCidr(new[] { "10.0.0.0/8" }, Ports.Any)|};""");

    [Fact]
    public Task SameRuleAtTwoScopes_ShouldNotReport() =>
        Verify("""ws.DenyLoopback().Server("fetch", s => s.DenyLoopback());""");

    [Fact]
    public Task AllowlistWithoutAllow_ShouldReport() =>
        Verify("""ws.Server("fetch", s => s.{|HANGAR0103:DefaultDenyEgress()|});""");

    [Fact]
    public Task AllowlistWithAllowAbove_ShouldNotReport() =>
        Verify("""ws.AllowEgress("140.82.112.0/20", Ports.Tcp(443)).Server("fetch", s => s.DefaultDenyEgress());""");

    [Fact]
    public Task AllowlistOnBuilderPassedToHelper_ShouldNotReport() => PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync("""
        static class P
        {
            static PolicySet Build() => PolicySet.Named("acme")
                .Workspace("acme", ws => ws.Server("fetch", s => { s.DefaultDenyEgress(); Allow(s); })).Build();
            static void Allow(ServerBuilder s) => s.AllowEgress("140.82.112.0/20", Ports.Tcp(443));
        }
        """);
}
