using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing.Tests;

public sealed class ModelEvaluatorTests
{
    private static readonly ClusterFacts Facts = new()
    {
        PodCidrs = [IpCidr.Parse("10.244.0.0/16")],
        ServiceCidrs = [IpCidr.Parse("10.96.0.0/12")],
        Dns = DnsService.KubeDns("10.96.0.10"),
        NodeLocalDns = IpCidr.Parse("169.254.20.10/32"),
    };

    private static Verdict Judge(PolicySet set, string source, string endpoint, Protocol protocol = Protocol.Tcp,
        DestinationPod? pod = null, string? hostname = null)
    {
        var (address, port) = ConnectEvent.ParseEndpoint(endpoint);
        return new ModelEvaluator(set, Facts).Evaluate(new ConnectEvent(EventSource.Parse(source), address, port, protocol, hostname, pod));
    }

    [Fact]
    public void WorkspaceDeny_IsInheritedByTools()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata()
            .Server("fetch", s => s.Tool("fetch", t => t.RunsAs("/usr/bin/fetch")))).Build();

        var verdict = Judge(set, "acme/fetch/fetch", "169.254.169.254:80");

        Assert.Equal(Outcome.Blocked, verdict.Outcome);
        Assert.Equal(["acme/deny-cloud-metadata"], verdict.RuleIds);
    }

    [Fact]
    public void ToolDeny_DoesNotApplyToTheServerProcess()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("fetch", s => s.Tool("fetch", t => t.DenyLoopback()))).Build();

        Assert.Equal(Outcome.Blocked, Judge(set, "acme/fetch/fetch", "127.0.0.1:3000").Outcome);
        Assert.Equal(Outcome.Allowed, Judge(set, "acme/fetch", "127.0.0.1:3000").Outcome);
    }

    [Theory]
    [InlineData("[::ffff:127.0.0.1]:3000")]
    [InlineData("[::]:3000")]
    [InlineData("0.0.0.0:3000")]
    [InlineData("127.9.9.9:3000")]
    public void Loopback_CoversEverySpelling(string endpoint)
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyLoopback().Server("fetch", _ => { })).Build();

        Assert.Equal(Outcome.Blocked, Judge(set, "acme/fetch", endpoint).Outcome);
    }

    [Fact]
    public void DenyWinsOverAllow()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.0.0.0/8", Ports.Tcp(443))
            .Server("git", s => s.DefaultDenyEgress().AllowEgress("10.1.0.0/16", Ports.Tcp(443, 22)))).Build();

        Assert.Equal(Outcome.Blocked, Judge(set, "acme/git", "10.1.0.1:443").Outcome);
        Assert.Equal(Outcome.Allowed, Judge(set, "acme/git", "10.1.0.1:22").Outcome);
    }

    [Fact]
    public void Allowlist_BlocksWhatNoAllowMatches()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("git", s => s.DefaultDenyEgress().AllowEgress("140.82.112.0/20", Ports.Tcp(443)))).Build();

        Assert.Equal(Outcome.Allowed, Judge(set, "acme/git", "140.82.112.3:443").Outcome);
        Assert.Equal(Outcome.Blocked, Judge(set, "acme/git", "140.82.112.3:80").Outcome);
        Assert.Equal(Outcome.Blocked, Judge(set, "acme/git", "[::ffff:8.8.8.8]:443").Outcome);
    }

    [Theory]
    [InlineData("10.96.0.10:53", Protocol.Udp)]
    [InlineData("10.96.0.10:53", Protocol.Tcp)]
    [InlineData("169.254.20.10:53", Protocol.Udp)]
    public void Allowlist_KeepsClusterDns(string endpoint, Protocol protocol)
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata().DenyClusterInternal()
            .Server("git", s => s.DefaultDenyEgress())).Build();

        Assert.Equal(Outcome.Allowed, Judge(set, "acme/git", endpoint, protocol).Outcome);
    }

    [Fact]
    public void Allowlist_KeepsDnsPodsReachedDirectly()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.DefaultDenyEgress())).Build();
        var dnsPod = DestinationPod.Of("kube-system", "k8s-app=kube-dns");

        Assert.Equal(Outcome.Allowed, Judge(set, "acme/git", "10.244.3.4:53", Protocol.Udp, dnsPod).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(set, "acme/git", "10.244.3.4:54", Protocol.Udp, dnsPod).Outcome);
    }

    [Fact]
    public void AuditRule_OnlyDetects()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyCloudMetadata(mode: RuleMode.Audit).Server("fetch", _ => { })).Build();

        Assert.Equal(Outcome.DetectedOnly, Judge(set, "acme/fetch", "169.254.169.254:80").Outcome);
    }

    [Fact]
    public void AuditScope_DoesNotBlockInAllowlistMode()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.Server("git", s => s.Audit().DefaultDenyEgress())).Build();

        Assert.Equal(Outcome.DetectedOnly, Judge(set, "acme/git", "8.8.8.8:443").Outcome);
    }

    [Fact]
    public void Lateral_SparesOwnWorkspaceButNotOthers()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyLateral().Server("fetch", _ => { })).Build();

        Assert.Equal(Outcome.Allowed, Judge(set, "acme/fetch", "10.244.1.1:8080", pod: DestinationPod.Of("acme", "app=db")).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(set, "acme/fetch", "10.244.1.1:8080", pod: DestinationPod.Of("globex", "app=db")).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(set, "acme/fetch", "10.244.1.1:8080").Outcome);
    }

    [Fact]
    public void HostnameAllow_MatchesTheResolvedName()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("github", s => s.DefaultDenyEgress().AllowEgress("*.github.com", Ports.Tcp(443)))).Build();

        Assert.Equal(Outcome.Allowed, Judge(set, "acme/github", "140.82.112.6:443", hostname: "api.github.com").Outcome);
        Assert.Equal(Outcome.Blocked, Judge(set, "acme/github", "140.82.112.6:443").Outcome);
    }

    [Fact]
    public void PortNarrowedDeny_LeavesOtherPortsAlone()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyCidr("192.168.0.0/16", Ports.Udp(53)).Server("fetch", _ => { })).Build();

        Assert.Equal(Outcome.Blocked, Judge(set, "acme/fetch", "192.168.1.1:53", Protocol.Udp).Outcome);
        Assert.Equal(Outcome.Allowed, Judge(set, "acme/fetch", "192.168.1.1:53", Protocol.Tcp).Outcome);
    }
}
