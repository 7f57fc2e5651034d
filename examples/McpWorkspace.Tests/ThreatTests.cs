using Hangar.Policy.Testing;
using Hangar.Policy.Testing.Events;

namespace McpWorkspace.Tests;

/// <summary>
/// The threats the acme policy is written against, checked on the objects it compiles to: what the model
/// says, and what NetworkPolicy and Tetragon would do with the emitted YAML.
/// </summary>
public sealed class ThreatTests
{
    private static readonly PolicySimulator Policy = AcmePolicy.Simulator();

    // NetworkPolicy never sees traffic that stays inside the pod, so loopback is Tetragon's to block.
    [Theory]
    [InlineData("127.0.0.1:3000")]
    [InlineData("127.1.2.3:3000")]
    [InlineData("0.0.0.0:3000")]
    [InlineData("[::1]:3000")]
    [InlineData("[::]:3000")]
    [InlineData("[::ffff:127.0.0.1]:3000")]
    public void Fetch_CannotReachLoopback_InAnyForm(string endpoint)
    {
        Policy.Connect().From("acme/fetch/fetch").To(endpoint).ShouldBeBlockedBy("tetragon").ShouldBeBlocked();
    }

    [Theory]
    [InlineData("169.254.169.254:80")]
    [InlineData("[fd00:ec2::254]:80")]
    [InlineData("[::ffff:169.254.169.254]:80")]
    [InlineData("100.100.100.200:80")]
    public void Fetch_CannotReachCloudMetadata(string endpoint)
    {
        Policy.Connect().From("acme/fetch").To(endpoint)
            .ShouldBeBlockedBy("tetragon")
            .ShouldBeBlocked();
    }

    [Fact]
    public void Fetch_CannotReachImdsOnPort80_EvenThoughPort80IsAllowed()
    {
        Policy.Connect().From("acme/fetch").To("169.254.169.254:80").ShouldBeBlockedBy("networkpolicy");
    }

    [Fact]
    public void Fetch_CannotReachAPodOfAnotherWorkspace()
    {
        Policy.Connect().From("acme/fetch").To("10.244.3.7:443")
            .ReachingPod(DestinationPod.Of("globex", "hangar.dev/workspace=globex", "hangar.dev/server=fetch"))
            .ShouldBeBlockedBy("networkpolicy")
            .ShouldBeBlockedBy("tetragon");
    }

    [Fact]
    public void Fetch_CannotReachTheKubernetesApi()
    {
        Policy.Connect().From("acme/fetch").To("10.96.0.1:443").ShouldBeBlocked();
    }

    [Fact]
    public void Fetch_ReachesThePublicWebOnHttps()
    {
        Policy.Connect().From("acme/fetch").To("93.184.216.34:443").ShouldBeAllowed();
    }

    [Fact]
    public void GitHub_ReachesGitHubOn443()
    {
        Policy.Connect().From("acme/github").To("140.82.112.3:443").ShouldBeAllowed();
    }

    [Fact]
    public void GitHub_CannotReachGitHubOnOtherPorts()
    {
        Policy.Connect().From("acme/github").To("140.82.112.3:22")
            .ShouldBeBlockedBy("networkpolicy")
            .ShouldBeBlockedBy("tetragon");
    }

    [Fact]
    public void GitHub_CannotReachTheRestOfTheInternet()
    {
        Policy.Connect().From("acme/github").To("93.184.216.34:443").ShouldBeBlocked();
    }

    [Fact]
    public void Git_HasNoNetworkButClusterDns()
    {
        Policy.Connect().From("acme/git/git_log").To("140.82.112.3:443").ShouldBeBlocked();
        Policy.Connect().From("acme/git").To("10.96.0.10:53").Udp()
            .ReachingPod(DestinationPod.Of("kube-system", "k8s-app=kube-dns") with { Address = System.Net.IPAddress.Parse("10.244.0.5") })
            .ShouldBeAllowed();
    }
}
