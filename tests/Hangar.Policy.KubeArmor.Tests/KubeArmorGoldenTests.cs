using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.KubeArmor.Tests;

public sealed class KubeArmorGoldenTests
{
    public static TheoryData<string> Cases => [.. GoldenPolicies.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emit_RuleKind_MatchesGoldenFile(string name)
    {
        var result = Emission.Compile(GoldenPolicies.All[name]());

        GoldenFile.AssertMatches(name, Emission.Yaml(result));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emit_RuleKind_ConformsToCrdSchema(string name)
    {
        var result = Emission.Compile(GoldenPolicies.All[name]());
        Assert.True(result.Succeeded);

        foreach (var obj in result.Objects)
        {
            var schema = KubeArmorSchemas.For(obj.Kind);
            if (schema is null)
                Assert.Skip(KubeArmorSchemas.MissingReason);
            var document = YamlJson.Documents(obj.ToYaml()).Single()!;
            Assert.Empty(KubeArmorSchemas.Errors(schema, document));
        }
    }
}

/// <summary>One small policy per rule kind, as the golden files show them.</summary>
internal static class GoldenPolicies
{
    public static readonly IReadOnlyDictionary<string, Func<PolicySet>> All = new Dictionary<string, Func<PolicySet>>
    {
        ["deny-exec"] = () => Server(s => s.DenyExec("/usr/bin/curl", "/tmp/")),
        ["allow-exec"] = () => Server(s => s.AllowExec("/usr/bin/git", "/usr/lib/git-core/", "/usr/local/bin/mcp-server-git")),
        ["deny-file-read"] = () => Server(s => s.DenyFileRead("/var/run/secrets/kubernetes.io/serviceaccount/")),
        ["deny-file-write"] = () => Server(s => s.DenyFileWrite("/etc/", "/usr/local/bin/mcp-server-git")),
        ["deny-file-access"] = () => Server(s => s.DenyFileAccess(Rules.FileAccess.ReadWrite, ["/root/.ssh/"])),
        ["deny-file-writes-outside"] = () => Server(s => s.DenyFileWritesOutside("/projects/", "/tmp/")),
        ["deny-capability"] = () => Server(s => s.DenyCapability("NET_RAW", "SYS_ADMIN")),
        ["deny-socket-protocol"] = () => Server(s => s.DenySocketProtocol(SocketProtocol.Raw, SocketProtocol.Icmp)),
        ["audit-syscall"] = () => Server(s => s.AuditSyscall("ptrace", "mount", "unshare")),
        ["tool-scoped"] = () => Server(s => s.Tool("git_push", t => t.RunsAs("/usr/bin/git")
            .DenyExec("/usr/bin/ssh").DenyFileRead("/root/.ssh/").DenyCapability("NET_RAW"))),
        ["audit-mode"] = () => PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Audit()
            .DenyExec("/usr/bin/curl").Server("git")).Build(),
        ["workspace-inherited"] = () => PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.DenyCapability("SYS_ADMIN")
            .Server("git", s => s.DenyExec("/usr/bin/wget")).Server("fetch")).Build(),
    };

    private static PolicySet Server(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", configure)).Build();
}
