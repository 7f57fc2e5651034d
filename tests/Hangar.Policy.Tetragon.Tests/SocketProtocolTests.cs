using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class SocketProtocolTests
{
    private static PolicySet FetchServer(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("fetch", configure)).Build();

    [Fact]
    public void DenySocketProtocol_IsEnforcedWithOverrideAtSocketCreate()
    {
        var result = Compile.For(FetchServer(s => s.DenySocketProtocol(SocketProtocol.Raw)));

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Enforced, entry.Status);
        var kprobe = Assert.Single(Compile.Kprobes(result));
        Assert.Equal("security_socket_create", kprobe["call"]);
        Assert.Equal(["Override"], Compile.Actions(result).Distinct());
        Assert.Contains("disable-kprobe-multi", Assert.Single(result.Objects).ToYaml());
    }

    [Fact]
    public void DenyRawSockets_MatchesRawIpAndPacketSocketsOfProgramsOnly()
    {
        var result = Compile.For(FetchServer(s => s.DenySocketProtocol(SocketProtocol.Raw)));

        var selectors = Compile.Selectors(result).Select(Args).ToList();
        Assert.Equal(
        [
            "0 Equal 2,10; 1 Equal 3; 3 Equal 0",
            "0 Equal 17; 3 Equal 0",
        ], selectors);
    }

    [Fact]
    public void DenyTcpSockets_CoversTheDefaultProtocolAndMptcp()
    {
        var result = Compile.For(FetchServer(s => s.DenySocketProtocol(SocketProtocol.Tcp)));

        Assert.Equal("0 Equal 2,10; 1 Equal 1; 2 Equal 0,6,262; 3 Equal 0", Args(Assert.Single(Compile.Selectors(result))));
    }

    [Fact]
    public void DenySctpSockets_CoversSeqPacketSocketsWithTheDefaultProtocol()
    {
        var result = Compile.For(FetchServer(s => s.DenySocketProtocol(SocketProtocol.Sctp)));

        Assert.Contains("0 Equal 2,10; 1 Equal 5; 3 Equal 0", Compile.Selectors(result).Select(Args));
    }

    [Fact]
    public void DenyEveryProtocol_SplitsIntoPoliciesWithinTheSelectorLimit()
    {
        var all = Enum.GetValues<SocketProtocol>();

        var result = Compile.For(FetchServer(s => s.DenySocketProtocol(all)));

        Assert.Equal(["acme-fetch-sockets-1", "acme-fetch-sockets-2"], result.Objects.Select(o => o.Name));
        Assert.All(Compile.Kprobes(result), k => Assert.InRange(((List<ObjectNode>)k["selectors"]!).Count, 1, 5));
        Assert.Equal(8, Compile.Selectors(result).Count());
    }

    [Fact]
    public void DenySocketProtocolOnToolWithBinaries_IsScopedWithMatchBinaries()
    {
        var result = Compile.For(FetchServer(s => s.Tool("fetch", t => t.RunsAs("/usr/bin/fetch").DenySocketProtocol(SocketProtocol.Udp))));

        var selector = Assert.Single(Compile.Selectors(result));
        var binaries = Assert.Single((List<ObjectNode>)selector["matchBinaries"]!);
        Assert.Equal(["/usr/bin/fetch"], (List<string>)binaries["values"]!);
        Assert.Equal(CoverageStatus.Enforced, Assert.Single(result.Coverage.Entries).Status);
    }

    [Fact]
    public void DenySocketProtocolInAuditMode_PostsOnlyAndIsDetected()
    {
        var result = Compile.For(FetchServer(s => s.DenySocketProtocol([SocketProtocol.Raw], RuleMode.Audit)));

        Assert.Equal(CoverageStatus.Detected, Assert.Single(result.Coverage.Entries).Status);
        Assert.Equal(["Post"], Compile.Actions(result).Distinct());
        Assert.DoesNotContain("disable-kprobe-multi", Assert.Single(result.Objects).ToYaml());
    }

    [Fact]
    public void DenySocketProtocolBeforeTetragon17_SaysTheKernelNeedsKprobeOverride()
    {
        var result = Compile.For(FetchServer(s => s.DenySocketProtocol(SocketProtocol.Raw)), "1.6.0");

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Enforced, entry.Status);
        Assert.Contains("CONFIG_BPF_KPROBE_OVERRIDE", entry.Reason);
    }

    [Fact]
    public void DenySocketProtocolOnTetragon17_NeedsNoKprobeOverride()
    {
        var result = Compile.For(FetchServer(s => s.DenySocketProtocol(SocketProtocol.Raw)), "1.7.0");

        Assert.DoesNotContain("CONFIG_BPF_KPROBE_OVERRIDE", Assert.Single(result.Coverage.Entries).Reason);
    }

    private static string Args(ObjectNode selector) =>
        string.Join("; ", ((List<ObjectNode>)selector["matchArgs"]!).Select(a =>
            $"{a["index"]} {a["operator"]} {string.Join(",", (List<string>)a["values"]!)}"));
}
