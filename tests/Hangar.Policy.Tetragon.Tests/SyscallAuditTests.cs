using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class SyscallAuditTests
{
    private static PolicySet FetchServer(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("fetch", configure)).Build();

    [Fact]
    public void SocketAndSyscallRules_MatchGolden()
    {
        var set = PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.AuditSyscall("unshare")
            .Server("fetch", s => s.DenySocketProtocol(SocketProtocol.Raw, SocketProtocol.Sctp)
                .Tool("fetch", t => t.RunsAs("/usr/local/bin/mcp-server-fetch").AuditSyscall("ptrace", "mount")))).Build();

        GoldenFile.AssertMatches("socket-syscall-rules", Compile.Yaml(Compile.For(set)));
    }

    [Theory]
    [InlineData("main", "1.7.0")]
    [InlineData("v1.7.0", "1.7.0")]
    [InlineData("v1.7.0", "1.0.0")]
    public void SocketAndSyscallRules_ConformToCrdSchema(string crd, string engine)
    {
        var set = FetchServer(s => s.AuditSyscall("ptrace").DenySocketProtocol(Enum.GetValues<SocketProtocol>())
            .Tool("fetch", t => t.RunsAs("/usr/bin/fetch").AuditSyscall("mount").DenySocketProtocol(SocketProtocol.Udp)));
        var result = Compile.For(set, engine);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        foreach (var obj in result.Objects)
        {
            var schema = CrdSchemas.For(crd, obj.Kind);
            if (schema is null)
                Assert.Skip(CrdSchemas.MissingReason);
            Assert.Empty(CrdSchemas.Errors(schema, YamlJson.Documents(obj.ToYaml()).Single()!));
        }
    }

    [Fact]
    public void AuditSyscall_HooksASyscallListAndOnlyPosts()
    {
        var result = Compile.For(FetchServer(s => s.AuditSyscall("ptrace", "mount")));

        var obj = Assert.Single(result.Objects);
        var list = Assert.Single((List<ObjectNode>)obj.Body.Node("spec")!["lists"]!);
        Assert.Equal("syscalls", list["type"]);
        Assert.Equal(["sys_mount", "sys_ptrace"], (List<string>)list["values"]!);
        var kprobe = Assert.Single(Compile.Kprobes(result));
        Assert.Equal($"list:{list["name"]}", kprobe["call"]);
        Assert.Equal(true, kprobe["syscall"]);
        Assert.Equal(["Post"], Compile.Actions(result));
        Assert.Equal(CoverageStatus.Detected, Assert.Single(result.Coverage.Entries).Status);
    }

    [Fact]
    public void AuditSyscallOfServerAndTool_GetsOneListEach()
    {
        var result = Compile.For(FetchServer(s => s.AuditSyscall("ptrace")
            .Tool("fetch", t => t.RunsAs("/usr/bin/fetch").AuditSyscall("mount"))));

        Assert.Equal(["acme-fetch-syscalls-1-audit", "acme-fetch-syscalls-2-audit"], result.Objects.Select(o => o.Name));
        var lists = result.Objects.Select(o => string.Join(",",
            (List<string>)((List<ObjectNode>)o.Body.Node("spec")!["lists"]!)[0]["values"]!));
        Assert.Equal(["sys_ptrace", "sys_mount"], lists);
        var toolSelector = Compile.Selectors(result).Last();
        Assert.Equal(["/usr/bin/fetch"], (List<string>)((List<ObjectNode>)toolSelector["matchBinaries"]!)[0]["values"]!);
    }

    [Fact]
    public void AuditSyscallOnToolWithoutBinaries_WatchesTheWholeServer()
    {
        var result = Compile.For(FetchServer(s => s.Tool("fetch", t => t.AuditSyscall("ptrace"))));

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Detected, entry.Status);
        Assert.Contains("every process of server 'fetch'", entry.Reason);
        Assert.False(Assert.Single(Compile.Selectors(result)).ContainsKey("matchBinaries"));
    }

    [Fact]
    public void AuditSyscallBeforeTetragon14_HasNoPolicyModeOption()
    {
        var result = Compile.For(FetchServer(s => s.AuditSyscall("ptrace")), "1.3.0");

        Assert.DoesNotContain("policy-mode", Assert.Single(result.Objects).ToYaml());
        Assert.Equal(["Post"], Compile.Actions(result));
    }

    [Fact]
    public void AuditSyscallFromTetragon14_RunsInMonitorMode()
    {
        var result = Compile.For(FetchServer(s => s.AuditSyscall("ptrace")), "1.4.0");

        Assert.Contains("value: monitor", Assert.Single(result.Objects).ToYaml());
    }

    [Fact]
    public void ToolAuditSyscallBeforeTetragon12_DoesNotFollowChildren()
    {
        var result = Compile.For(FetchServer(s => s.Tool("fetch", t => t.RunsAs("/usr/bin/fetch").AuditSyscall("ptrace"))), "1.1.0");

        Assert.False(((List<ObjectNode>)Assert.Single(Compile.Selectors(result))["matchBinaries"]!)[0].ContainsKey("followChildren"));
    }

    [Fact]
    public void ToolAuditSyscallFromTetragon12_FollowsChildren()
    {
        var result = Compile.For(FetchServer(s => s.Tool("fetch", t => t.RunsAs("/usr/bin/fetch").AuditSyscall("ptrace"))), "1.2.0");

        Assert.Equal(true, ((List<ObjectNode>)Assert.Single(Compile.Selectors(result))["matchBinaries"]!)[0]["followChildren"]);
    }
}
