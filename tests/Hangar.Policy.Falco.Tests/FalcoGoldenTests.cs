using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Falco.Tests;

public sealed class FalcoGoldenTests
{
    public static TheoryData<string> Cases => [.. GoldenPolicies.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emit_RuleKind_MatchesGoldenFile(string name)
    {
        var result = Emission.Compile(GoldenPolicies.All[name](), GoldenPolicies.VersionFor(name));

        GoldenFile.AssertMatches(name, Emission.RulesFile(result));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emit_RuleKind_ConformsToFalcoSchemaInFileAndConfigMap(string name)
    {
        if (FalcoSchema.Get() is not { } schema)
        {
            Assert.Skip(FalcoSchema.MissingReason);
            return;
        }
        var result = Emission.Compile(GoldenPolicies.All[name](), GoldenPolicies.VersionFor(name));

        var file = YamlJson.Documents(Emission.RulesFile(result)).Single()!;
        Assert.Empty(FalcoSchema.Errors(schema, file));
        var configMap = YamlJson.Documents(Assert.Single(result.Objects).ToYaml()).Single()!;
        var data = configMap["data"]!.AsObject().Single().Value!.GetValue<string>();
        Assert.Equal(Emission.RulesFile(result), data);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emit_RuleKind_ConditionsLexCleanly(string name)
    {
        var result = Emission.Compile(GoldenPolicies.All[name](), GoldenPolicies.VersionFor(name));

        Assert.All(Emission.Conditions(Emission.RulesFile(result)), c => FalcoLexer.Strings(c));
    }
}

/// <summary>One small policy per rule kind, as the golden files show them.</summary>
internal static class GoldenPolicies
{
    public static readonly IReadOnlyDictionary<string, Func<PolicySet>> All = new Dictionary<string, Func<PolicySet>>
    {
        ["deny-loopback"] = () => Server(s => s.DenyLoopback()),
        ["deny-cloud-metadata"] = () => Server(s => s.DenyCloudMetadata(Networking.CloudProvider.Aws)),
        ["deny-cidr-ports"] = () => Server(s => s.DenyCidr(["10.0.0.0/8", "fd00::/8"], Ports.Tcp(22).And(Ports.UdpRange(5000, 5999)))),
        ["deny-lateral"] = () => Server(s => s.DenyLateral()),
        ["deny-cluster-internal"] = () => Server(s => s.DenyClusterInternal()),
        ["default-deny-egress"] = () => Server(s => s.DefaultDenyEgress().AllowEgress("140.82.112.0/20", Ports.Tcp(443))
            .AllowEgress("api.github.com", Ports.Tcp(443)).AllowEgress("*.githubusercontent.com", Ports.Tcp(443))),
        ["deny-exec"] = () => Server(s => s.DenyExec("/usr/bin/curl", "/tmp/")),
        ["allow-exec"] = () => Server(s => s.AllowExec("/usr/bin/git", "/usr/lib/git-core/")),
        ["deny-file-read"] = () => Server(s => s.DenyFileRead("/var/run/secrets/kubernetes.io/serviceaccount/")),
        ["deny-file-write"] = () => Server(s => s.DenyFileWrite("/etc/")),
        ["deny-file-writes-outside"] = () => Server(s => s.DenyFileWritesOutside("/projects/", "/tmp/")),
        ["deny-capability"] = () => Server(s => s.DenyCapability("NET_RAW", "SYS_ADMIN")),
        ["deny-socket-protocol"] = () => Server(s => s.DenySocketProtocol(SocketProtocol.Raw)),
        ["audit-syscall"] = () => Server(s => s.AuditSyscall("ptrace", "mount")),
        ["tool-scoped"] = () => Server(s => s.Tool("git_push", t => t.RunsAs("/usr/bin/git").DenyExec("/usr/bin/ssh")
            .DenyFileRead("/root/.ssh/"))),
        ["hostile-path"] = () => Server(s => s.DenyFileRead("/srv/a \"quoted\" name", "/srv/it's: #1 & (x)/", "/srv/ünï 中 x")),
        ["falco-0.41"] = () => Server(s => s.DenyLoopback().DenyExec("/usr/bin/curl")),
    };

    /// <summary>The Falco version a case targets: the default, except for the cases named after a version.</summary>
    public static string? VersionFor(string name) =>
        name.StartsWith("falco-", StringComparison.Ordinal) ? name["falco-".Length..] + ".0" : null;

    private static PolicySet Server(Action<ServerBuilder> configure) =>
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", configure)).Build();
}
