using Hangar.Policy.KubeArmor;
using Hangar.Policy.Testing;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace McpWorkspace.Tests;

/// <summary>
/// The example's process rules on all four engines: git may start git and nothing else, filesystem may not write
/// outside its roots, and no server reads the pod's Kubernetes credentials. Tetragon blocks; KubeArmor blocks its
/// denies, and its allowlists only under posture block (audit, as hangar.yaml says, only reports); Falco reports.
/// </summary>
public sealed class ProcessRuleTests
{
    private static readonly PolicySimulator Audit = AcmeAllEngines.Simulator(KubeArmorPosture.Audit);
    private static readonly PolicySimulator Block = AcmeAllEngines.Simulator(KubeArmorPosture.Block);

    [Theory]
    [InlineData("/usr/bin/curl")]
    [InlineData("/bin/sh")]
    [InlineData("/usr/bin/ssh")]
    public void Git_CannotStartAnythingButGit(string program)
    {
        Audit.Exec("acme/git", program).ShouldBeBlocked()
            .ShouldBeBlockedBy("tetragon").ShouldBeDetectedBy("kubearmor").ShouldBeDetectedBy("falco");
        Block.Exec("acme/git", program).ShouldBeBlocked().ShouldBeBlockedBy("kubearmor");
    }

    [Theory]
    [InlineData("/usr/bin/git")]
    [InlineData("/usr/lib/git-core/git-upload-pack")]
    public void Git_StartsGit(string program)
    {
        Audit.Exec("acme/git", program).ShouldBeAllowed();
        Block.Exec("acme/git", program).ShouldBeAllowed();
    }

    [Fact]
    public void Git_ExecOfAProgramDroppedInTmp_IsDeniedOutright()
    {
        // The workspace's DenyExec("/tmp/") is a plain deny: KubeArmor blocks it whatever the posture.
        Audit.Exec("acme/git", "/tmp/payload").ShouldBeBlocked().ShouldBeBlockedBy("kubearmor").ShouldBeBlockedBy("tetragon");
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/usr/local/bin/mcp-server-filesystem")]
    [InlineData("/projectsX/look-alike")]
    public void Filesystem_CannotWriteOutsideItsRoots(string path)
    {
        Audit.OpenFile("acme/filesystem", path, FileAccess.Write).ShouldBeBlocked()
            .ShouldBeBlockedBy("tetragon").ShouldBeDetectedBy("kubearmor").ShouldBeDetectedBy("falco");
        Block.OpenFile("acme/filesystem", path, FileAccess.Write).ShouldBeBlocked().ShouldBeBlockedBy("kubearmor");
    }

    [Theory]
    [InlineData("/projects/app/README.md", FileAccess.Write)]
    [InlineData("/tmp/scratch", FileAccess.ReadWrite)]
    [InlineData("/etc/passwd", FileAccess.Read)]
    public void Filesystem_WritesInsideItsRootsAndReadsAnywhere(string path, FileAccess access)
    {
        Audit.OpenFile("acme/filesystem", path, access).ShouldBeAllowed();
        Block.OpenFile("acme/filesystem", path, access).ShouldBeAllowed();
    }

    [Fact]
    public void NoServer_ReadsTheServiceAccountToken()
    {
        Audit.OpenFile("acme/fetch", "/var/run/secrets/kubernetes.io/serviceaccount/token", FileAccess.Read).ShouldBeBlocked()
            .ShouldBeBlockedBy("tetragon").ShouldBeBlockedBy("kubearmor").ShouldBeDetectedBy("falco");
    }

    [Fact]
    public void NoServer_ReadsTheServiceAccountTokenByItsResolvedPath()
    {
        // In most images /var/run links to /run, and the token file links to ..data/token: engines see this path.
        Audit.OpenFile("acme/fetch", "/run/secrets/kubernetes.io/serviceaccount/..data/token", FileAccess.Read).ShouldBeBlocked()
            .ShouldBeBlockedBy("tetragon").ShouldBeBlockedBy("kubearmor").ShouldBeDetectedBy("falco");
    }

    [Fact]
    public void NoServer_UsesNetRaw()
    {
        Audit.UseCapability("acme/github", "NET_RAW").ShouldBeBlocked().ShouldBeBlockedBy("tetragon").ShouldBeBlockedBy("kubearmor");
    }
}
