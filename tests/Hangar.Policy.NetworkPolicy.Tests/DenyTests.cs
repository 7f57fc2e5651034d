using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

public sealed class DenyTests
{
    [Fact]
    public void DenyCloudMetadata_ExceptsMetadataFromBothFamilies()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata().Server("fetch")).Build());

        var rule = Assert.Single(NonDns(spec));
        Assert.Equal(["0.0.0.0/0", "::/0"], Cidrs(rule));
        Assert.Equal(["100.100.100.200/32", "168.63.129.16/32", "169.254.0.0/16", "192.0.0.192/32"], Excepts(rule, "0.0.0.0/0"));
        Assert.Equal(["fd00:c1::a9fe:a9fe/128", "fd00:ec2::23/128", "fd00:ec2::254/128", "fd20:ce::254/128", "fe80::/10"],
            Excepts(rule, "::/0"));
        Assert.False(rule.ContainsKey("ports"));
    }

    [Fact]
    public void AnyPolicy_DeclaresEgressPolicyTypeExplicitly()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("203.0.113.0/24").Server("fetch")).Build());

        Assert.Equal(["Egress"], (IEnumerable<string>)spec["policyTypes"]!);
    }

    [Fact]
    public void PodSelector_IsTheServersPodLabels()
    {
        var spec = Spec(PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyCidr("203.0.113.0/24").Server("fetch", s => s.SelectedBy("app", "fetch"))).Build());

        var matchLabels = spec.Node("podSelector")!.Node("matchLabels")!;
        Assert.Equal([new KeyValuePair<string, object?>("app", "fetch")], matchLabels);
    }

    [Fact]
    public void DnsRule_SelectsDnsPodsByNamespaceNameOnUdpAndTcp53()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("203.0.113.0/24").Server("fetch")).Build());

        var dns = Egress(spec)[0];
        var peer = List(dns, "to")[0];
        Assert.Equal("kube-system", peer.Node("namespaceSelector")!.Node("matchLabels")!["kubernetes.io/metadata.name"]);
        Assert.Equal("kube-dns", peer.Node("podSelector")!.Node("matchLabels")!["k8s-app"]);
        Assert.Equal(["UDP/53", "TCP/53"], PortList(dns));
    }

    [Fact]
    public void NodeLocalDns_IsAllowedOnPort53EvenThoughLinkLocalIsDenied()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata().Server("fetch")).Build());

        var dns = Egress(spec)[0];
        Assert.Equal(["169.254.20.10/32"], Cidrs(dns));
        Assert.Equal(["UDP/53", "TCP/53"], PortList(dns));
        Assert.Contains("169.254.0.0/16", Excepts(Assert.Single(NonDns(spec)), "0.0.0.0/0"));
    }

    [Fact]
    public void DenyCidr_CoveringAFamily_DropsThatFamilyEntirely()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("::/0").Server("fetch")).Build());

        Assert.Equal(["0.0.0.0/0"], Cidrs(Assert.Single(NonDns(spec))));
    }

    [Fact]
    public void NestedDenies_ExceptOnlyTheOutermostRange()
    {
        var spec = Spec(PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyCidr("10.0.0.0/8").DenyCidr("10.1.0.0/16").Server("fetch")).Build());

        Assert.Equal(["10.0.0.0/8"], Excepts(NonDns(spec)[0], "0.0.0.0/0"));
    }

    [Fact]
    public void DenyCorporateNetwork_ExceptsTheCorporateRanges()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCorporateNetwork().Server("fetch")).Build());

        var rule = NonDns(spec)[0];
        Assert.Equal(["192.168.0.0/16"], Excepts(rule, "0.0.0.0/0"));
        Assert.Equal(["fd12:3456::/32"], Excepts(rule, "::/0"));
    }

    [Fact]
    public void DenyOutsidePodRanges_KeepsAllPodsReachableBySelector()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata().Server("fetch")).Build());

        var peers = List(NonDns(spec)[0], "to");
        Assert.Contains(peers, p => p.Node("namespaceSelector") is { Count: 0 } && !p.ContainsKey("podSelector"));
    }

    [Fact]
    public void DenyOverlappingPodRanges_SelectsNoPods()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.0.0.0/8").Server("fetch")).Build());

        Assert.All(NonDns(spec).SelectMany(r => List(r, "to")), p => Assert.True(p.ContainsKey("ipBlock")));
    }

    [Fact]
    public void UnknownPodRanges_SelectNoPodsAndWarn()
    {
        var facts = Kind with { PodCidrs = [] };
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata().Server("fetch")).Build(), facts);

        var spec = Assert.Single(result.Objects).Body.Node("spec")!;
        Assert.All(NonDns(spec).SelectMany(r => List(r, "to")), p => Assert.True(p.ContainsKey("ipBlock")));
        Assert.Contains(result.Diagnostics, d => d.Id == "HANGAR0204" && d.Problem.Contains("pod_cidrs"));
    }

    [Fact]
    public void DenyLateral_ExceptsPodRangesAndSelectsOwnNamespace()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyLateral().Server("fetch")).Build());

        var rule = Assert.Single(NonDns(spec));
        Assert.Equal(["10.244.0.0/16"], Excepts(rule, "0.0.0.0/0"));
        Assert.Equal(["fd00:10:244::/56"], Excepts(rule, "::/0"));
        var own = Assert.Single(List(rule, "to"), p => p.ContainsKey("podSelector"));
        Assert.Equal(0, own.Node("podSelector")!.Count);
        Assert.False(own.ContainsKey("namespaceSelector"));
    }

    [Fact]
    public void DenyLateral_InSharedNamespace_SelectsOwnWorkspaceByLabel()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.InNamespace("shared").DenyLateral().Server("fetch"))
            .Workspace("beta", ws => ws.InNamespace("shared").Server("git", s => s.DenyCidr("203.0.113.0/24")))
            .Build();
        var result = Compile(set);

        var acme = result.Objects.Single(o => o.Name == "hangar-fetch-egress").Body.Node("spec")!;
        var own = List(NonDns(acme)[0], "to").Single(p => p.ContainsKey("podSelector")).Node("podSelector")!;
        Assert.Equal("acme", own.Node("matchLabels")![HangarLabels.Workspace]);
    }

    [Fact]
    public void DenyClusterInternal_ExceptsPodServiceAndApiRangesAndSelectsNoPods()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyClusterInternal().Server("fetch")).Build());

        var rule = Assert.Single(NonDns(spec));
        Assert.Equal(["10.96.0.0/12", "10.244.0.0/16", "172.18.0.2/32"], Excepts(rule, "0.0.0.0/0"));
        Assert.Equal(["fd00:10:96::/112", "fd00:10:244::/56"], Excepts(rule, "::/0"));
        Assert.All(List(rule, "to"), p => Assert.True(p.ContainsKey("ipBlock")));
    }

    [Fact]
    public void DenyLateralAndClusterInternal_ClusterInternalWinsForOwnPods()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.DenyLateral().DenyClusterInternal().Server("fetch")).Build());

        Assert.All(NonDns(spec).SelectMany(r => List(r, "to")), p => Assert.True(p.ContainsKey("ipBlock")));
    }

    [Fact]
    public void DenyLoopbackOnly_EmitsNothing()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyLoopback().Server("fetch")).Build());

        Assert.True(result.Succeeded);
        Assert.Empty(result.Objects);
        Assert.Equal(CoverageStatus.Unsupported, Assert.Single(Coverage(result)).Status);
    }

    [Fact]
    public void DenyCidrOfLoopback_IsUnsupportedAndNotEmitted()
    {
        var result = Compile(PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("127.0.0.0/8").Server("fetch")).Build());

        Assert.Empty(result.Objects);
        var entry = Assert.Single(Coverage(result));
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("loopback", entry.Reason);
    }

    [Fact]
    public void ExplicitDenyOfPort53_WinsOverClusterDns()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DenyCidr(["0.0.0.0/0"], Ports.Udp(53)))).Build();
        var spec = Spec(set);

        var dns = Assert.Single(Egress(spec), r => PortList(r).SequenceEqual(["TCP/53"]));
        Assert.Equal(["169.254.20.10/32"], Cidrs(dns));
        Assert.DoesNotContain(Egress(spec), r => PortList(r).Contains("UDP/53"));
    }

    [Fact]
    public void DenyOfOtherRanges_KeepsClusterDns()
    {
        var spec = Spec(PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DenyCidr("203.0.113.0/24"))).Build());

        Assert.Equal(["UDP/53", "TCP/53"], PortList(Egress(spec)[0]));
    }
}
