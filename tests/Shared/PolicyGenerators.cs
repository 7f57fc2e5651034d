using System.Collections.Immutable;
using System.Net;
using CsCheck;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Validation;

namespace Hangar.Policy.TestSupport;

/// <summary>
/// Random policy sets and the cluster they compile for, shared by the differential tests (model against
/// emitted objects) and the conformance tests (emitted objects against upstream schemas).
/// </summary>
/// <remarks>
/// Addresses and ports are drawn from small pools around the interesting boundaries (loopback, metadata,
/// cluster ranges, node-local DNS, documentation ranges) so that random events hit the rules often.
/// </remarks>
internal static class PolicyGenerators
{
    /// <summary>The cluster every generated policy is compiled for.</summary>
    public static ClusterFacts Cluster { get; } = new()
    {
        PodCidrs = [IpCidr.Parse("10.244.0.0/16"), IpCidr.Parse("fd10:244::/56")],
        ServiceCidrs = [IpCidr.Parse("10.96.0.0/12")],
        KubernetesApi = [IpCidr.Parse("10.96.0.1/32"), IpCidr.Parse("192.168.10.5/32")],
        Dns = DnsService.KubeDns("10.96.0.10"),
        NodeLocalDns = IpCidr.Parse("169.254.20.10/32"),
        CorporateRanges = [IpCidr.Parse("172.16.0.0/12"), IpCidr.Parse("fd12:3456::/32")],
    };

    /// <summary>The workspaces, servers and tools generated policies may declare.</summary>
    public static readonly string[] Workspaces = ["acme", "globex"];

    public static readonly string[] Servers = ["fetch", "git"];

    public const string ToolName = "run";

    public static readonly string[] ToolBinaries = ["/usr/local/bin/mcp-tool", "/usr/bin/git"];

    /// <summary>Ranges rules deny or allow: around the pools events draw from.</summary>
    public static readonly string[] Cidrs =
    [
        "10.0.0.0/8", "10.1.0.0/16", "10.244.1.0/24", "140.82.112.0/20", "140.82.113.0/24", "8.8.8.0/24", "8.8.8.8",
        "93.184.216.34", "192.168.0.0/16", "172.16.5.0/24", "100.64.0.0/10", "2001:db8::/32", "2001:db8:1::/48",
        "2606:4700::/32", "fd00::/8", "0.0.0.0/0", "::/0", "198.51.100.0/24",
    ];

    private static readonly string[] ExecPaths = ["/usr/bin/curl", "/bin/sh", "/usr/bin/", "/usr/local/bin/mcp-tool"];

    private static readonly string[] FilePaths = ["/etc/shadow", "/var/run/secrets/", "/tmp/", "/data/", "/etc/"];

    /// <summary>Addresses events connect to, written as the caller would (IPv4, IPv6).</summary>
    public static readonly string[] Addresses =
    [
        "127.0.0.1", "127.1.2.3", "0.0.0.0", "::1", "::", "169.254.169.254", "169.254.170.2", "169.254.20.10",
        "fd00:ec2::254", "fe80::1", "100.100.100.200", "168.63.129.16", "192.0.0.192", "fd20:ce::254",
        "10.96.0.10", "10.96.0.1", "10.100.3.4", "192.168.10.5", "10.244.1.7", "10.244.200.9", "fd10:244::12",
        "140.82.112.5", "140.82.113.9", "8.8.8.8", "8.8.4.4", "93.184.216.34", "10.1.2.3", "10.200.0.1",
        "172.16.5.5", "172.20.0.1", "192.168.1.1", "100.64.1.1", "198.51.100.7", "2001:db8::1", "2001:db8:1::5",
        "2606:4700::1111", "fd12:3456::1", "fd99::1", "1.1.1.1",
    ];

    private static readonly int[] EventPorts = [53, 22, 80, 443, 3000, 8000, 8443, 8999, 9000, 9, 9418, 6443];

    public static Gen<PortChoice> Ports { get; } = Gen.Enum<PortChoice>();

    public static Gen<RuleMode?> Mode { get; } = Gen.Frequency((8, Gen.Const((RuleMode?)null)), (2, Gen.Const<RuleMode?>(RuleMode.Audit)),
        (1, Gen.Const<RuleMode?>(RuleMode.Enforce)));

    /// <summary>One rule of any kind the builder offers for network and process policy.</summary>
    public static Gen<RuleSpec> Rule { get; } = Gen.Frequency(
        (3, Gen.Const(new RuleSpec(RuleKind.DenyLoopback, "", PortChoice.Any, null))),
        (3, Gen.OneOf("All", "Aws", "Gcp, Azure", "Alibaba", "Oracle", "Hetzner")
            .Select(p => new RuleSpec(RuleKind.DenyCloudMetadata, p, PortChoice.Any, null))),
        (5, Gen.Select(Gen.OneOf(Cidrs), Ports, (c, p) => new RuleSpec(RuleKind.DenyCidr, c, p, null))),
        (2, Gen.Const(new RuleSpec(RuleKind.DenyClusterInternal, "", PortChoice.Any, null))),
        (2, Gen.Const(new RuleSpec(RuleKind.DenyLateral, "", PortChoice.Any, null))),
        (2, Gen.Const(new RuleSpec(RuleKind.DenyCorporateNetwork, "", PortChoice.Any, null))),
        (3, Gen.Const(new RuleSpec(RuleKind.DefaultDenyEgress, "", PortChoice.Any, null))),
        (6, Gen.Select(Gen.OneOf(Cidrs), Ports, (c, p) => new RuleSpec(RuleKind.AllowEgress, c, p, null))),
        (1, Gen.Select(Gen.OneOf("Tcp", "Udp", "Sctp", "Raw", "Icmp"), p =>
            new RuleSpec(RuleKind.DenySocketProtocol, p, PortChoice.Any, null))),
        (1, Gen.Select(Gen.OneOf(ExecPaths), p => new RuleSpec(RuleKind.DenyExec, p, PortChoice.Any, null))),
        (1, Gen.Select(Gen.OneOf(ExecPaths), p => new RuleSpec(RuleKind.AllowExec, p, PortChoice.Any, null))),
        (1, Gen.Select(Gen.OneOf(FilePaths), p => new RuleSpec(RuleKind.DenyFileRead, p, PortChoice.Any, null))),
        (1, Gen.Select(Gen.OneOf(FilePaths), p => new RuleSpec(RuleKind.DenyFileWrite, p, PortChoice.Any, null))),
        (1, Gen.Select(Gen.OneOf("/tmp/", "/data/"), p => new RuleSpec(RuleKind.DenyFileWritesOutside, p, PortChoice.Any, null))))
        .SelectMany(rule => Mode.Select(mode => rule with { Mode = mode }));

    private static Gen<ImmutableArray<RuleSpec>> Rules(int max) =>
        Rule.Array[0, max].Select(r => r.DistinctBy(x => x.ToString()).ToImmutableArray());

    private static Gen<bool> RarelyAudit { get; } = Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true)));

    private static Gen<ToolSpec?> Tool { get; } = Gen.Select(Gen.OneOf<string?>([null, .. ToolBinaries]), RarelyAudit, Rules(2),
        (binary, audit, rules) => new ToolSpec(ToolName, binary, audit, rules)).Null(0.4);

    private static Gen<ServerSpec> Server(string name) =>
        Gen.Select(RarelyAudit, Rules(3), Tool, (audit, rules, tool) => new ServerSpec(name, audit, rules, tool));

    private static Gen<WorkspaceSpec> Workspace(string name) =>
        Gen.Select(RarelyAudit, Rules(3), Gen.Int[1, 2], Server(Servers[0]), Server(Servers[1]),
            (audit, rules, count, first, second) => new WorkspaceSpec(name, audit, rules, count == 1 ? [first] : [first, second]));

    /// <summary>Policy sets of one or two workspaces that validation accepts.</summary>
    public static Gen<PolicySpec> Policy { get; } =
        Gen.Select(Gen.Int[1, 2], Workspace(Workspaces[0]), Workspace(Workspaces[1]),
                (count, first, second) => new PolicySpec(count == 1 ? [first] : [first, second]))
            .Where(spec => spec.TryBuild() is { } set && !PolicyValidator.Validate(set, Cluster).Any(d => d.IsError));

    /// <summary>An address from the pool, sometimes as the IPv4-mapped IPv6 form an IPv6 socket would use.</summary>
    public static Gen<IPAddress> Address { get; } = Gen.Select(Gen.OneOf(Addresses), Gen.Int[0, 3], (text, mapped) =>
    {
        var address = IPAddress.Parse(text);
        return mapped == 0 && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv6() : address;
    });

    public static Gen<int> Port { get; } = Gen.Frequency((4, Gen.OneOf(EventPorts)), (1, Gen.Int[1, 65535]));

    public static Gen<Protocol> Protocol { get; } = Gen.Frequency((6, Gen.Const(Model.Protocol.Tcp)), (3, Gen.Const(Model.Protocol.Udp)),
        (1, Gen.Const(Model.Protocol.Sctp)));
}
