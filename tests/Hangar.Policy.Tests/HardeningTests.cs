using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Configuration;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tests;

/// <summary>Inputs that once compiled into something weaker or other than the policy said.</summary>
public sealed class HardeningTests
{
    private static readonly ClusterFacts Facts = new()
    {
        PodCidrs = [IpCidr.Parse("10.244.0.0/16")],
        ServiceCidrs = [IpCidr.Parse("10.96.0.0/12")],
        KubernetesApi = [IpCidr.Parse("10.96.0.1/32")],
        Dns = DnsService.KubeDns("10.96.0.10"),
    };

    [Fact]
    public void SameRuleAuditAndEnforced_IsAnError()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("fetch", s => s.DenyCidr("10.0.0.0/8", RuleMode.Audit).DenyCidr("10.0.0.0/8"))).Build());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticIds.DuplicateRule, diagnostic.Id);
        Assert.Contains("both enforced and audit-only", diagnostic.Problem);
    }

    [Fact]
    public void AuditAllowlistBelowEnforcedAllowlist_IsAnError()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress()
                .Tool("git_log", t => t.RunsAs("/usr/bin/git").DefaultDenyEgress(RuleMode.Audit))))
            .Build());

        Assert.Contains("already blocks this scope", Assert.Single(error.Diagnostics).Problem);
    }

    [Fact]
    public void AuditAfterRulesOfTheScope_IsRejected()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("fetch", s => s.DenyCidr("10.0.0.0/8").Audit())));

        Assert.Equal(DiagnosticIds.ModeAfterRules, Assert.Single(error.Diagnostics).Id);
    }

    [Fact]
    public void AuditModeAllow_IsRejected()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("fetch", s => s.DefaultDenyEgress().AllowEgress("0.0.0.0/0", Ports.Any, RuleMode.Audit))));

        Assert.Equal(DiagnosticIds.AuditAllow, Assert.Single(error.Diagnostics).Id);
    }

    [Fact]
    public void ScopeAudit_LeavesAllowsEnforced()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws =>
                ws.Server("fetch", s => s.Audit().DefaultDenyEgress().AllowEgress("192.0.2.0/24", Ports.Tcp(443))))
                .Build();

        var modes = set.AllRules.ToDictionary(r => r.Intent, r => r.Mode);
        Assert.Equal(RuleMode.Audit, modes["default-deny-egress"]);
        Assert.Equal(RuleMode.Enforce, modes["allow-egress"]);
    }

    [Theory]
    [InlineData("app", "x", "app", "x")]
    [InlineData("hangar.dev/server", "a", null, null)]
    public void ServersWhoseSelectorsOverlap_AreRejected(string? keyB, string? valueB, string? keyA, string? valueA)
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws
                .Server("a", s => { if (keyA is not null) s.SelectedBy(keyA, valueA!); })
                .Server("b", s => s.SelectedBy(keyB!, valueB!)))
            .Build());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticIds.OverlappingServers, diagnostic.Id);
        Assert.Contains("Server(\"b\")", diagnostic.Subject);
    }

    [Fact]
    public void ServersOfDifferentNamespaces_MayShareLabels()
    {
        var set = PolicySet.Named("p")
            .Workspace("one", ws => ws.Server("a", s => s.SelectedBy("app", "x")))
            .Workspace("two", ws => ws.Server("a", s => s.SelectedBy("app", "x")))
            .Build();

        Assert.Equal(2, set.Workspaces.Length);
    }

    [Fact]
    public void DenyClusterInternalWithoutApiEndpoints_NamesTheMissingFact()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyClusterInternal().Server("git")).Build();

        var result = PolicyCompiler.Compile(set, new CompileOptions { Cluster = Facts with { KubernetesApi = [] } });

        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, e => e.Id == DiagnosticIds.MissingClusterFact && e.Severity == DiagnosticSeverity.Warning
            && e.Fix.Contains("cluster.kubernetes_api"));
    }

    [Theory]
    [InlineData("0.0.0.0/0", null, "node_local_dns")]
    [InlineData("169.254.0.0/16", null, "node_local_dns")]
    [InlineData(null, "Kube System", "dns.namespace")]
    public void DnsFactsThatWidenTheCarveOut_AreErrors(string? nodeLocal, string? dnsNamespace, string fact)
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DefaultDenyEgress().Server("git")).Build();
        var facts = Facts with
        {
            NodeLocalDns = nodeLocal is null ? null : IpCidr.Parse(nodeLocal),
            Dns = dnsNamespace is null ? Facts.Dns : Facts.Dns! with { Namespace = dnsNamespace },
        };

        var result = PolicyCompiler.Compile(set, new CompileOptions { Cluster = facts });

        Assert.Contains(result.Errors, e => e.Subject == $"cluster fact '{fact}'");
    }

    [Theory]
    [InlineData("010.0.0.0/8")]
    [InlineData("10/8")]
    [InlineData("10.1/16")]
    public void LegacyAddressSpelling_GetsNoGuessedFix(string cidr)
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr(cidr)));

        Assert.DoesNotContain("DenyCidr(\"", Assert.Single(error.Diagnostics).Fix);
    }

    [Theory]
    [InlineData("::7f00:1/128")]
    [InlineData("fd00::5efe:a00:1/128")]
    [InlineData("1:0:1::/48")]
    [InlineData("2001:db8::1:0:0:1/128")]
    public void IPv6_IsWrittenInRfc5952HexOnly(string cidr) => Assert.Equal(cidr, IpCidr.Parse(cidr).ToString());

    [Fact]
    public void IPv6WithDottedTail_IsRejectedWithTheHexSpelling()
    {
        Assert.False(IpCidr.TryParse("::127.0.0.1", out _, out var problem));

        Assert.Contains("::7f00:1", problem);
    }

    [Theory]
    [InlineData("/usr/bin/\u200bgit")]
    [InlineData("/usr/bin/git ")]
    [InlineData("/usr/ bin/git")]
    [InlineData("/usr/bin/my\\tool")]
    public void BinaryPathsThatCannotMatchAsWritten_AreRejected(string path)
    {
        var error = Assert.Throws<PolicyDefinitionException>(() =>
            PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.Tool("git_log", t => t.RunsAs(path)))));

        Assert.Equal(DiagnosticIds.InvalidToolOrBinary, Assert.Single(error.Diagnostics).Id);
    }

    [Theory]
    [InlineData("cluster:\n  ? [a, b]\n  : c", "a key is not a plain string")]
    [InlineData("policy_engines: [tetragon]\n---\npolicy_engines: [falco]", "2 YAML documents")]
    public void ConfigShapesThatWereMisread_AreErrors(string yaml, string problem)
    {
        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse(yaml));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void PortOutOfRange_ReadsAsOneSentence()
    {
        var error = Assert.Throws<ArgumentException>(() => Ports.Tcp(0));

        Assert.Equal("port 0 is outside 1-65535; use a port between 1 and 65535, e.g. Ports.Tcp(443)", error.Message);
    }
}
