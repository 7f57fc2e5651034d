using System.Collections.Immutable;
using System.Net.Sockets;
using CsCheck;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.TestSupport;
using Hangar.Policy.Validation;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Tests;

/// <summary>
/// Random policies made of process rules (exec, file, capability, socket, system call; a few egress rules for
/// company) and random process events from their servers and tools, drawn from small pools around the paths,
/// directories and names the rules use.
/// </summary>
internal static class ProcessPolicyGenerators
{
    private static readonly string[] ExecRulePaths =
        ["/usr/bin/curl", "/bin/sh", "/usr/bin/", "/usr/local/bin/mcp-tool", "/usr/bin/git", "/tmp/"];

    private static readonly string[] FileRulePaths = ["/etc/shadow", "/var/run/secrets/", "/tmp/", "/data/", "/etc/", "/data/keep/"];

    private static readonly string[] Capabilities = ["NET_RAW", "SYS_ADMIN", "SYS_PTRACE", "CHOWN", "BPF", "SYSLOG"];

    private static readonly string[] Syscalls = ["ptrace", "mount", "unshare", "bpf"];

    public static readonly string[] ExecPaths =
    [
        "/usr/bin/curl", "/bin/sh", "/usr/bin/git", "/usr/local/bin/mcp-tool", "/usr/bin/ssh", "/tmp/payload", "/tmp/x/y",
        "/usr/bin/sub/tool", "/usr/binary", "/app/mcp-server",
    ];

    public static readonly string[] FilePaths =
    [
        "/etc/shadow", "/etc/passwd", "/etc/ssl/certs/ca.pem", "/var/run/secrets/kubernetes.io/serviceaccount/token", "/tmp/a",
        "/tmp/sub/b", "/data/x", "/data/keep/y", "/data", "/projects/r/f", "/etcetera",
    ];

    public static readonly string[] EventSyscalls = ["ptrace", "mount", "unshare", "bpf", "open"];

    public static Gen<RuleSpec> Rule { get; } = Gen.Frequency(
        (3, Gen.OneOf(ExecRulePaths).Select(p => new RuleSpec(RuleKind.DenyExec, p, PortChoice.Any, null))),
        (3, Gen.OneOf(ExecRulePaths).Select(p => new RuleSpec(RuleKind.AllowExec, p, PortChoice.Any, null))),
        (3, Gen.OneOf(FileRulePaths).Select(p => new RuleSpec(RuleKind.DenyFileRead, p, PortChoice.Any, null))),
        (3, Gen.OneOf(FileRulePaths).Select(p => new RuleSpec(RuleKind.DenyFileWrite, p, PortChoice.Any, null))),
        (3, Gen.OneOf("/tmp/", "/data/", "/data/keep/").Select(p => new RuleSpec(RuleKind.DenyFileWritesOutside, p, PortChoice.Any, null))),
        (3, Gen.OneOf(Capabilities).Select(c => new RuleSpec(RuleKind.DenyCapability, c, PortChoice.Any, null))),
        (2, Gen.OneOf("Tcp", "Udp", "Sctp", "Raw", "Icmp", "IcmpV6")
            .Select(p => new RuleSpec(RuleKind.DenySocketProtocol, p, PortChoice.Any, null))),
        (1, Gen.OneOf(Syscalls).Select(s => new RuleSpec(RuleKind.AuditSyscall, s, PortChoice.Any, null))),
        (1, Gen.Const(new RuleSpec(RuleKind.DenyLoopback, "", PortChoice.Any, null))))
        .SelectMany(rule => PolicyGenerators.Mode.Select(mode => rule.Kind == RuleKind.AuditSyscall ? rule : rule with { Mode = mode }));

    private static Gen<ImmutableArray<RuleSpec>> Rules(int max) =>
        Rule.Array[0, max].Select(r => r.DistinctBy(x => x.ToString()).ToImmutableArray());

    private static Gen<bool> RarelyAudit { get; } = Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true)));

    private static Gen<ToolSpec?> Tool { get; } = Gen.Select(Gen.OneOf<string?>([null, .. PolicyGenerators.ToolBinaries]), RarelyAudit,
        Rules(2), (binary, audit, rules) => new ToolSpec(PolicyGenerators.ToolName, binary, audit, rules)).Null(0.3);

    private static Gen<ServerSpec> Server(string name) =>
        Gen.Select(RarelyAudit, Rules(3), Tool, (audit, rules, tool) => new ServerSpec(name, audit, rules, tool));

    private static Gen<WorkspaceSpec> Workspace(string name) =>
        Gen.Select(RarelyAudit, Rules(2), Gen.Int[1, 2], Server(PolicyGenerators.Servers[0]), Server(PolicyGenerators.Servers[1]),
            (audit, rules, count, first, second) => new WorkspaceSpec(name, audit, rules, count == 1 ? [first] : [first, second]));

    /// <summary>Policy sets of one workspace that validation accepts.</summary>
    public static Gen<PolicySpec> Policy { get; } = Workspace(PolicyGenerators.Workspaces[0])
        .Select(w => new PolicySpec([w]))
        .Where(spec => spec.TryBuild() is { } set && !PolicyValidator.Validate(set, PolicyGenerators.Cluster).Any(d => d.IsError));

    /// <summary>Random process events from the servers and tools of <paramref name="spec"/>.</summary>
    public static Gen<ProcessEvent> Event(PolicySpec spec)
    {
        var sources = spec.Workspaces.SelectMany(w => w.Servers.SelectMany(s => Sources(w.Name, s))).ToArray();
        var source = Gen.OneOf(sources);
        return Gen.Frequency(
            (4, Gen.Select(source, Gen.OneOf(ExecPaths), (s, p) => (ProcessEvent)new ExecEvent(s, p))),
            (4, Gen.Select(source, Gen.OneOf(FilePaths), Gen.OneOf(FileAccess.Read, FileAccess.Write, FileAccess.ReadWrite),
                (s, p, a) => (ProcessEvent)new FileOpenEvent(s, p, a))),
            (2, Gen.Select(source, Gen.OneOf([.. Capabilities, "KILL"]), (s, c) =>
                (ProcessEvent)new CapabilityEvent(s, LinuxCapabilities.TryParse(c, out var cap) ? cap : LinuxCapability.Kill))),
            (2, Gen.Select(source, Gen.Enum<SocketProtocol>(), (s, p) => (ProcessEvent)new SocketEvent(s, p,
                p == SocketProtocol.IcmpV6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))),
            (1, Gen.Select(source, Gen.OneOf(EventSyscalls), (s, c) => (ProcessEvent)new SyscallEvent(s, c))));
    }

    private static IEnumerable<EventSource> Sources(string workspace, ServerSpec server)
    {
        yield return new EventSource(workspace, server.Name);
        yield return new EventSource(workspace, server.Name, Binary: "/usr/bin/curl");
        if (server.Tool is { } tool)
        {
            yield return new EventSource(workspace, server.Name, tool.Name);
            if (tool.Binary is not null)
                yield return new EventSource(workspace, server.Name, Binary: tool.Binary);
        }
    }
}
