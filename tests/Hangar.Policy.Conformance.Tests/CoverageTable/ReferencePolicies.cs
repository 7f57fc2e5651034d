using Hangar.Policy.Building;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Conformance.Tests.CoverageTable;

/// <summary>One reference policy per row of docs/backends.md's "Where the engines differ" table.</summary>
internal static class ReferencePolicies
{
    private const string Fetch = "/usr/local/bin/mcp-server-fetch";

    // Declared before All, which uses it while initialising.
    private static readonly KubeArmorOptions BlockPosture = new() { FilePosture = KubeArmorPosture.Block };

    public static IReadOnlyList<ReferencePolicy> All { get; } =
    [
        Row<DenyLoopbackRule>("deny loopback (127.0.0.0/8, ::1, 0.0.0.0, IPv4-mapped)", s => s.DenyLoopback()),
        Row<DenyCloudMetadataRule>("deny cloud metadata, IPv4 and IPv6", s => s.DenyCloudMetadata()),
        Row<DenyClusterInternalRule>("deny cluster-internal addresses (pods, services, Kubernetes API)",
            s => s.DenyClusterInternal()),
        Row<DenyLateralRule>("deny lateral traffic to other workspaces' pods", s => s.DenyLateral()),
        Row<DenyCorporateNetworkRule>("deny corporate ranges", s => s.DenyCorporateNetwork()),
        Row<DenyCidrRule>("deny a CIDR on some ports", s => s.DenyCidr("203.0.113.0/24", Ports.Tcp(443))),
        Row<DefaultDenyEgressRule>("allowlist (`DefaultDenyEgress`), cluster DNS kept",
            s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.Tcp(443))),
        Row<AllowEgressRule>("allow an address range in an allowlist",
            s => s.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.Tcp(443))),
        Row<AllowEgressRule>("allow a DNS name in an allowlist",
            s => s.DefaultDenyEgress().AllowEgress("api.github.com", Ports.Tcp(443))),
        Row<DenyCloudMetadataRule>("a tool's egress rule, tool with `RunsAs`",
            s => s.Tool("fetch", t => t.RunsAs(Fetch).DenyCloudMetadata())),
        Row<DenyCloudMetadataRule>("a tool's egress rule, tool without binaries",
            s => s.Tool("fetch", t => t.DenyCloudMetadata())),
        Row<DenyExecRule>("a tool's process rule, tool with `RunsAs`",
            s => s.Tool("fetch", t => t.RunsAs(Fetch).DenyExec("/usr/bin/curl"))),
        Row<DenyExecRule>("a tool's process rule, tool without binaries",
            s => s.Tool("fetch", t => t.DenyExec("/usr/bin/curl"))),
        Row<DenyCloudMetadataRule>("an egress rule in audit mode", s => s.DenyCloudMetadata(mode: RuleMode.Audit)),
        Row<DenyExecRule>("a process rule in audit mode", s => s.DenyExec(["/usr/bin/curl"], RuleMode.Audit)),
        Row<DenyExecRule>("deny executables (`DenyExec`)", s => s.DenyExec("/usr/bin/curl", "/tmp/")),
        Row<AllowExecRule>("allow only the listed executables (`AllowExec`)", s => s.AllowExec(Fetch, "/usr/lib/python3/")),
        Row<AllowExecRule>("`AllowExec`, KubeArmor file posture declared `block`", s => s.AllowExec(Fetch, "/usr/lib/python3/"),
            BlockPosture),
        Row<DenyFileAccessRule>("deny file reads (`DenyFileRead`)", s => s.DenyFileRead("/var/run/secrets/")),
        Row<DenyFileAccessRule>("deny file writes (`DenyFileWrite`)", s => s.DenyFileWrite("/etc/")),
        Row<DenyFileWritesOutsideRule>("deny writes outside the listed roots (`DenyFileWritesOutside`)",
            s => s.DenyFileWritesOutside("/tmp/", "/workspace/")),
        Row<DenyFileWritesOutsideRule>("`DenyFileWritesOutside`, KubeArmor file posture declared `block`",
            s => s.DenyFileWritesOutside("/tmp/", "/workspace/"), BlockPosture),
        Row<DenyCapabilityRule>("deny capabilities (`DenyCapability`)", s => s.DenyCapability("NET_RAW", "SYS_ADMIN")),
        Row<AuditSyscallRule>("audit system calls (`AuditSyscall`)", s => s.AuditSyscall("ptrace", "mount")),
        Row<DenySocketProtocolRule>("deny socket protocols (`DenySocketProtocol`)",
            s => s.DenySocketProtocol(SocketProtocol.Raw)),
    ];

    private static ReferencePolicy Row<TRule>(string intent, Action<ServerBuilder> server, KubeArmorOptions? kubeArmor = null)
        where TRule : PolicyRule =>
        new(intent, () => PolicySet.Named("reference").Workspace("acme", ws => ws.Server("fetch", server)).Build(), typeof(TRule),
            kubeArmor);
}
