using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Tests.Infrastructure;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class ArgumentAnalyzerTests
{
    private static Task Verify(string body) => PolicyAnalyzerTest<ArgumentAnalyzer>.VerifyAsync($$"""
        static class P
        {
            static PolicySet Build() => PolicySet.Named("acme").Workspace("acme", ws => { {{body}} }).Build();
        }
        """);

    [Fact]
    public Task DenyCidr_HostBitsSet_ShouldReport() => Verify("""ws.DenyCidr({|HANGAR0001:"10.0.0.1/8"|});""");

    [Fact]
    public Task DenyCidr_Canonical_ShouldNotReport() => Verify("""ws.DenyCidr("10.0.0.0/8").DenyCidr("fd00::/8");""");

    [Fact]
    public Task DenyCidr_ListWithUpperCaseHex_ShouldReportTheBadElement() =>
        Verify("""ws.DenyCidr(new[] { "10.0.0.0/8", {|HANGAR0001:"FD00::/8"|} }, Ports.Any);""");

    [Fact]
    public Task DenyCidr_NonConstant_ShouldNotReport() => Verify("""var c = Environment.GetEnvironmentVariable("C")!; ws.DenyCidr(c);""");

    [Fact]
    public Task AllowEgress_OctalAddress_ShouldReport() => Verify("""ws.AllowEgress({|HANGAR0001:"010.0.0.1"|}, Ports.Tcp(443));""");

    [Fact]
    public Task AllowEgress_BadHostname_ShouldReport() => Verify("""ws.AllowEgress({|HANGAR0005:"Api.GitHub.com!"|}, Ports.Tcp(443));""");

    [Fact]
    public Task AllowEgress_HostnameAndWildcard_ShouldNotReport() =>
        Verify("""ws.AllowEgress("api.github.com", Ports.Tcp(443)).AllowEgress("*.github.com", Ports.Tcp(443));""");

    [Fact]
    public Task Ports_OutOfRange_ShouldReport() => Verify("""ws.AllowEgress("10.0.0.0/8", Ports.Tcp(443, {|HANGAR0002:70000|}));""");

    [Fact]
    public Task Ports_ReversedRange_ShouldReport() =>
        Verify("""ws.AllowEgress("10.0.0.0/8", {|HANGAR0002:Ports.TcpRange(9000, 8000)|});""");

    [Fact]
    public Task Ports_Valid_ShouldNotReport() => Verify("""ws.AllowEgress("10.0.0.0/8", Ports.TcpRange(8000, 9000).And(Ports.Udp(53)));""");

    [Fact]
    public Task Server_UpperCaseName_ShouldReport() => Verify("""ws.Server({|HANGAR0003:"Fetch_Server"|}, s => { });""");

    [Fact]
    public Task PolicySetNamed_InvalidLabelValue_ShouldReport() =>
        PolicyAnalyzerTest<ArgumentAnalyzer>.VerifyAsync(
            """static class P { static object S() => PolicySet.Named({|HANGAR0003:"-acme"|}); }""");

    [Fact]
    public Task InNamespace_Valid_ShouldNotReport() => Verify("""ws.InNamespace("mcp-acme").Server("fetch", s => { });""");

    [Fact]
    public Task SelectedBy_BadKeyAndValue_ShouldReportBoth() =>
        Verify("""ws.Server("fetch", s => s.SelectedBy({|HANGAR0004:"app/x/y"|}, {|HANGAR0004:"a b"|}));""");

    [Fact]
    public Task SelectedBy_Valid_ShouldNotReport() =>
        Verify("""ws.Server("fetch", s => s.SelectedBy("app.kubernetes.io/name", "fetch"));""");

    [Fact]
    public Task Tool_InvalidName_ShouldReport() => Verify("""ws.Server("fetch", s => s.Tool({|HANGAR0006:"fetch url"|}, t => { }));""");

    [Fact]
    public Task RunsAs_RelativePath_ShouldReport() =>
        Verify("""ws.Server("git", s => s.Tool("git_log", t => t.RunsAs("/usr/bin/git", {|HANGAR0006:"bin/git"|})));""");

    [Fact]
    public Task RunsAs_NonAsciiPathOverByteLimit_ShouldReport()
    {
        // 195 characters but 575 UTF-8 bytes: engines count bytes.
        var path = "/opt/" + string.Concat(Enumerable.Repeat("\u3042", 190));
        return Verify($$"""ws.Server("s", s => s.Tool("t", t => t.RunsAs({|HANGAR0006:"{{path}}"|})));""");
    }

    [Fact]
    public Task RunsAs_AbsolutePath_ShouldNotReport() =>
        Verify("""ws.Server("git", s => s.Tool("git_log", t => t.RunsAs("/usr/bin/git")));""");

    [Fact]
    public Task DenyCidr_CollectionExpression_ShouldReportTheBadElement() =>
        Verify("""ws.DenyCidr(["10.0.0.0/8", {|HANGAR0001:"192.168.1.1/24"|}], Ports.Any);""");

    [Fact]
    public Task DenyCidr_ConstField_ShouldReport() => PolicyAnalyzerTest<ArgumentAnalyzer>.VerifyAsync("""
        static class P
        {
            const string Corporate = "172.16.0.1/12";
            static PolicySet Build() => PolicySet.Named("acme").Workspace("acme", ws => ws.DenyCidr({|HANGAR0001:Corporate|})).Build();
        }
        """);
}
