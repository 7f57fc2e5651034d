using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class EngineAnalyzerTests
{
    private static string Policy(string body) => $$"""
        static class P
        {
            static PolicySet Build() => PolicySet.Named("acme").Workspace("acme", ws => { {{body}} }).Build();
        }
        """;

    private static Task WithProperty(string engines, string body, string? versions = null) =>
        PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync(Policy(body),
            $"build_property.HangarPolicyEngines = {engines}\n"
                + (versions is null ? "" : $"build_property.HangarPolicyEngineVersions = {versions}\n"));

    private static Task WithYaml(string yaml, string body) =>
        PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync(Policy(body), ("/project/hangar.yaml", yaml));

    [Fact]
    public Task Loopback_NetworkPolicyOnly_ShouldReportNotEnforced() =>
        WithProperty("networkpolicy", "ws.{|HANGAR0201:DenyLoopback()|};");

    [Fact]
    public Task Loopback_WithTetragon_ShouldNotReport() => WithProperty("networkpolicy,tetragon", "ws.DenyLoopback();");

    [Fact]
    public Task Cidr_KubeArmorOnly_FromHangarYamlBlockList_ShouldReportNotEnforced() =>
        WithYaml("policy_engines:\n  - kubearmor\n", """ws.{|HANGAR0201:DenyCidr("10.0.0.0/8")|};""");

    [Fact]
    public Task Cidr_FalcoOnly_ShouldReportNotEnforced() => WithProperty("falco", """ws.{|HANGAR0201:DenyCidr("10.0.0.0/8")|};""");

    [Fact]
    public Task AuditModeRule_FalcoOnly_ShouldNotReport() => WithProperty("falco", """ws.DenyCidr("10.0.0.0/8", RuleMode.Audit);""");

    [Fact]
    public Task NoEnginesNamed_ShouldNotReport() => PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync(Policy("ws.DenyLoopback();"));

    [Fact]
    public Task Hostname_NetworkPolicyAndTetragon_ShouldReportUnmatchable() =>
        WithYaml("policy_engines: [networkpolicy, tetragon]\n", """ws.{|HANGAR0202:AllowEgress("api.github.com", Ports.Tcp(443))|};""");

    [Fact]
    public Task Hostname_WithFalco_ShouldNotReport() =>
        WithProperty("tetragon,falco", """ws.AllowEgress("api.github.com", Ports.Tcp(443));""");

    [Fact]
    public Task IPv4Deny_Tetragon14_ShouldReportVersionTooOld() =>
        WithProperty("tetragon", """ws.{|HANGAR0203:DenyCidr("10.0.0.0/8")|};""", versions: "tetragon=1.4.0");

    [Fact]
    public Task IPv4Deny_Tetragon15FromYaml_ShouldNotReport() =>
        WithYaml("policy_engines: [tetragon]\nengine_versions: { tetragon: 1.5.0 }\n", """ws.DenyCidr("10.0.0.0/8");""");

    [Fact]
    public Task PortRange_Kubernetes124_ShouldReportVersionTooOld() =>
        WithProperty("networkpolicy",
            """ws.{|HANGAR0201:DefaultDenyEgress()|}.{|HANGAR0203:AllowEgress("10.0.0.0/8", Ports.TcpRange(8000, 8999))|};""",
            versions: "networkpolicy=1.24");

    [Fact]
    public Task UnknownEngineName_ShouldReport() =>
        PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync(Policy("ws.DenyLoopback();"),
            "build_property.HangarPolicyEngines = tetragon,cilium\n",
            [new DiagnosticResult("HANGAR0205", DiagnosticSeverity.Warning).WithNoLocation()
                .WithArguments("cilium", "HangarPolicyEngines")]);

    [Fact]
    public Task ToolAllowWithoutBinaries_NetworkPolicyAndTetragon_ShouldReportNotEnforced() =>
        WithProperty("networkpolicy,tetragon",
            """ws.Server("fetch", s => s.Tool("fetch", t => t.{|HANGAR0201:AllowEgress("203.0.113.0/24", Ports.Tcp(443))|}));""");

    [Fact]
    public Task ToolAllowWithBinaries_Tetragon_ShouldNotReport() =>
        WithProperty("networkpolicy,tetragon",
            """ws.Server("fetch", s => s.Tool("fetch", t => t.RunsAs("/usr/bin/fetch").AllowEgress("203.0.113.0/24", Ports.Tcp(443))));""");

    [Fact]
    public Task Allowlist_NetworkPolicyOnly_ShouldReportNotFullyEnforcedAndKeepTheRule() =>
        PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync(
            Policy("""ws.{|#0:DefaultDenyEgress()|}.AllowEgress("203.0.113.0/24", Ports.Tcp(443));"""),
            "build_property.HangarPolicyEngines = networkpolicy\n",
            [
                new DiagnosticResult("HANGAR0201", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                    "DefaultDenyEgress()",
                    "networkpolicy: networkpolicy enforces it only in part: loopback inside the pod is not seen by NetworkPolicy",
                    "add an engine that enforces all of it (tetragon) to policy_engines or HangarPolicyEngines, "
                    + "or keep it knowing that the coverage matrix reports the part left uncovered"),
            ]);

    [Fact]
    public Task Allowlist_WithTetragon_ShouldNotReport() =>
        WithProperty("networkpolicy,tetragon", """ws.DefaultDenyEgress().AllowEgress("203.0.113.0/24", Ports.Tcp(443));""");

    [Fact]
    public Task DenyOfEverything_NetworkPolicyOnly_ShouldReportNotFullyEnforced() =>
        WithProperty("networkpolicy", """ws.{|HANGAR0201:DenyCidr("0.0.0.0/0")|};""");

    [Fact]
    public Task DenyClearOfLoopback_NetworkPolicyOnly_ShouldNotReport() =>
        WithProperty("networkpolicy", """ws.DenyCidr("203.0.113.0/24");""");

    [Fact]
    public Task ProcessRule_NetworkPolicyOnly_ShouldReportNotEnforced() =>
        WithProperty("networkpolicy", """ws.{|HANGAR0201:DenyExec("/usr/bin/curl")|};""");

    [Fact]
    public Task ProcessRule_WithKubeArmor_ShouldNotReport() => WithProperty("networkpolicy,kubearmor", """ws.DenyExec("/usr/bin/curl");""");

    [Fact]
    public Task ProcessRule_WithTetragon_ShouldNotReport() =>
        WithProperty("networkpolicy,tetragon", """ws.DenySocketProtocol(Hangar.Policy.Rules.SocketProtocol.Raw);""");

    [Fact]
    public Task ProcessRule_NetworkPolicyOnly_ShouldNameTetragonAndKubeArmorInTheFix() =>
        PolicyAnalyzerTest<ScopeAnalyzer>.VerifyAsync(
            Policy("""ws.{|#0:DenyExec("/usr/bin/curl")|};"""),
            "build_property.HangarPolicyEngines = networkpolicy\n",
            [
                new DiagnosticResult("HANGAR0201", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                    "DenyExec(\"/usr/bin/curl\")",
                    "networkpolicy: networkpolicy sees no processes, files or capabilities",
                    "add an engine that enforces it (tetragon or kubearmor) to policy_engines or HangarPolicyEngines, or drop the rule"),
            ]);
}
