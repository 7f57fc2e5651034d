using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

public sealed class BackendTests
{
    [Fact]
    public void Backend_IsNamedNetworkPolicyAndTargets130ByDefault()
    {
        var backend = new NetworkPolicyBackend();

        Assert.Equal("networkpolicy", backend.Name);
        Assert.Equal("1.30.0", backend.Features.DefaultVersion.ToNormalizedString());
    }

    [Theory]
    [InlineData(NetworkPolicyFeatures.EndPort, "1.24.0", false)]
    [InlineData(NetworkPolicyFeatures.EndPort, "1.25.0", true)]
    [InlineData(NetworkPolicyFeatures.Sctp, "1.19.0", false)]
    [InlineData(NetworkPolicyFeatures.Sctp, "1.20.0", true)]
    [InlineData(NetworkPolicyFeatures.NamespaceNameLabel, "1.21.9", false)]
    [InlineData(NetworkPolicyFeatures.NamespaceNameLabel, "1.22.0", true)]
    public void FeatureTable_KnowsWhenEachConstructArrived(string feature, string version, bool expected)
    {
        Assert.Equal(expected, NetworkPolicyFeatures.Table.Supports(feature, NuGet.Versioning.NuGetVersion.Parse(version)));
    }

    [Fact]
    public void TooOldKubernetes_IsAnError()
    {
        var result = Compile(RepresentativePolicies.AcmeMcp(), version: "1.18.0");

        Assert.Contains(result.Errors, d => d.Id == DiagnosticIds.EngineVersionTooOld);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void BeforeNamespaceNameLabel_WarnsWithTheLabelCommand()
    {
        var result = Compile(RepresentativePolicies.AcmeMcp(), version: "1.21.0");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.EngineVersionTooOld);
        Assert.Contains("kubectl label namespace kube-system kubernetes.io/metadata.name=kube-system", warning.Fix);
    }

    [Fact]
    public void Names_AreDnsLabelsAndUniquePerNamespace()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.InNamespace("shared").DenyCidr("203.0.113.0/24").Server("fetch"))
            .Workspace("beta", ws => ws.InNamespace("shared").DenyCidr("203.0.113.0/24").Server("fetch"))
            .Build();

        var names = Compile(set).Objects.Select(o => o.Name).ToList();

        Assert.Equal(["hangar-acme-fetch-egress", "hangar-beta-fetch-egress"], names);
    }

    [Fact]
    public void LongServerName_IsCutWithADigestAndStaysADnsLabel()
    {
        var server = new string('s', 60);
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("203.0.113.0/24").Server(server)).Build());

        var name = Assert.Single(result.Objects).Name;
        Assert.True(KubernetesNames.IsDnsLabel(name), name);
        Assert.StartsWith("hangar-sss", name);
    }

    [Fact]
    public void Object_CarriesTheRuleIdsItEnforces()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyLoopback().DenyCloudMetadata().Server("fetch")).Build());

        var annotations = Assert.Single(result.Objects).Body.Node("metadata")!.Node("annotations")!;
        Assert.Equal("acme/deny-cloud-metadata", annotations[HangarLabels.RulesAnnotation]);
    }

    [Fact]
    public void Output_IsDeterministic()
    {
        var first = ManifestDirectory.Render(Compile(RepresentativePolicies.AcmeMcp()));
        var second = ManifestDirectory.Render(Compile(RepresentativePolicies.AcmeMcp()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void EveryRule_HasACoverageEntry()
    {
        var set = RepresentativePolicies.AcmeMcp();
        var result = Compile(set);

        Assert.Equal(set.AllRules.Select(r => r.Id).Distinct().Order(), Coverage(result).Select(e => e.RuleId).Order());
        Assert.DoesNotContain(Coverage(result), e => e.Reason.Contains("does not handle"));
    }

    [Fact]
    public void ToolDeny_IsWidenedToTheServer()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("fetch", s => s.Tool("fetch", t => t.RunsAs("/usr/local/bin/mcp-server-fetch").DenyCidr("203.0.113.0/24")))).Build());

        Assert.Contains("203.0.113.0/24", Excepts(NonDns(Assert.Single(result.Objects).Body.Node("spec")!)[0], "0.0.0.0/0"));
        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("acme/fetch", entry.Reason);
    }

    [Fact]
    public void AuditDeny_IsNotEmittedAndReported()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("fetch", s => s.Audit().DenyCidr("203.0.113.0/24"))).Build();
        var result = Compile(set);

        Assert.Empty(result.Objects);
        Assert.Contains("cannot audit", Assert.Single(Coverage(result)).Reason);
    }

    [Fact]
    public void EmittedCidrs_AreCanonicalAndNeverIPv4Mapped()
    {
        var result = Compile(RepresentativePolicies.AcmeMcp());

        var cidrs = result.Objects.SelectMany(o => Egress(o.Body.Node("spec")!))
            .SelectMany(r => List(r, "to")).Select(p => p.Node("ipBlock")).OfType<ObjectNode>()
            .SelectMany(b => (b["except"] as IEnumerable<string> ?? []).Append((string)b["cidr"]!)).ToList();
        Assert.NotEmpty(cidrs);
        Assert.All(cidrs, c =>
        {
            Assert.Equal(c, Hangar.Policy.Networking.IpCidr.Parse(c).ToString());
            Assert.DoesNotContain("::ffff:", c);
        });
    }
}
