using Hangar.Policy.Building;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Assertions;

namespace McpWorkspace.Tests;

/// <summary>
/// The threat tests only mean something if they would fail on a weaker policy. These compile copies of the
/// example with one protection removed and show that the kit reports the hole.
/// </summary>
public sealed class WeakenedPolicyTests
{
    private static PolicySet FetchPolicy(bool denyLoopback, bool denyMetadata) => PolicySet.Named("acme-mcp")
        .Workspace("acme", acme =>
        {
            if (denyLoopback)
                acme.DenyLoopback();
            if (denyMetadata)
                acme.DenyCloudMetadata();
            acme.Server("fetch", fetch => fetch
                .DefaultDenyEgress()
                .AllowEgress("0.0.0.0/0", Ports.Tcp(80, 443))
                .AllowEgress("::/0", Ports.Tcp(80, 443)));
        })
        .Build();

    [Fact]
    public void WithoutDenyLoopback_LocalhostOnAnAllowedPortIsReported()
    {
        var weakened = AcmePolicy.Simulator(FetchPolicy(denyLoopback: false, denyMetadata: true));

        var error = Assert.Throws<PolicyAssertionException>(() =>
            weakened.Connect().From("acme/fetch").To("127.0.0.1:443").ShouldBeBlockedBy("tetragon"));
        Assert.Contains("127.0.0.1", error.Message);
    }

    [Fact]
    public void WithoutDenyCloudMetadata_ImdsOnPort80IsReported()
    {
        var weakened = AcmePolicy.Simulator(FetchPolicy(denyLoopback: true, denyMetadata: false));

        var error = Assert.Throws<PolicyAssertionException>(() =>
            weakened.Connect().From("acme/fetch").To("169.254.169.254:80").ShouldBeBlocked());
        Assert.Contains("model says allowed", error.Message);
    }

    [Fact]
    public void TheUnweakenedCopy_BlocksBoth()
    {
        var full = AcmePolicy.Simulator(FetchPolicy(denyLoopback: true, denyMetadata: true));

        full.Connect().From("acme/fetch").To("127.0.0.1:443").ShouldBeBlockedBy("tetragon");
        full.Connect().From("acme/fetch").To("169.254.169.254:80").ShouldBeBlocked();
    }

    private static PolicySet GitPolicy(bool allowExec) => PolicySet.Named("acme-mcp")
        .Workspace("acme", acme => acme.Server("git", git =>
        {
            git.DefaultDenyEgress();
            if (allowExec)
                git.AllowExec("/usr/bin/git", "/usr/lib/git-core/", "/usr/local/bin/mcp-server-git", "/usr/local/bin/python3");
        }))
        .Build();

    [Fact]
    public void WithoutAllowExec_GitStartingCurlIsReported()
    {
        var weakened = AcmeAllEngines.Simulator(KubeArmorPosture.Audit, GitPolicy(allowExec: false));

        var error = Assert.Throws<PolicyAssertionException>(() => weakened.Exec("acme/git", "/usr/bin/curl").ShouldBeBlocked());
        Assert.Contains("exec of /usr/bin/curl by acme/git", error.Message);
        Assert.Contains("model says allowed", error.Message);
        Assert.Throws<PolicyAssertionException>(() => weakened.Exec("acme/git", "/usr/bin/curl").ShouldBeBlockedBy("tetragon"));
        Assert.Throws<PolicyAssertionException>(() => weakened.Exec("acme/git", "/usr/bin/curl").ShouldBeDetectedBy("falco"));
    }

    [Fact]
    public void TheUnweakenedGitCopy_BlocksCurl()
    {
        var full = AcmeAllEngines.Simulator(KubeArmorPosture.Audit, GitPolicy(allowExec: true));

        full.Exec("acme/git", "/usr/bin/curl").ShouldBeBlocked().ShouldBeBlockedBy("tetragon").ShouldBeDetectedBy("falco");
    }
}
