using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Falco;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Model;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Rules;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Verdicts;
using Hangar.Policy.Tetragon;
using Hangar.Policy.TestSupport;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Tests;

/// <summary>Process events (exec, file open, capability, socket, system call) through the model and all four backends.</summary>
public sealed class ProcessSimulationTests
{
    internal static CompileOptions AllBackends(KubeArmorPosture posture = KubeArmorPosture.Audit) => new()
    {
        Backends =
        [
            new NetworkPolicyBackend(), new TetragonBackend(), new KubeArmorBackend(new KubeArmorOptions { FilePosture = posture }),
            new FalcoBackend(),
        ],
        Cluster = PolicyGenerators.Cluster,
    };

    private static PolicySimulator Git(Func<ServerBuilder, ServerBuilder> rules, KubeArmorPosture posture = KubeArmorPosture.Audit)
    {
        var set = PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", s => rules(s))).Build();
        var simulator = PolicySimulator.Compile(set, AllBackends(posture));
        return posture == KubeArmorPosture.Block ? simulator.Use(new KubeArmorEvaluator(KubeArmorDefaultPosture.Block)) : simulator;
    }

    [Fact]
    public void DeniedExec_IsBlockedByTetragonAndKubeArmor_DetectedByFalco()
    {
        var policy = Git(s => s.DenyExec("/usr/bin/curl"));

        policy.Exec("acme/git", "/usr/bin/curl").ShouldBeBlocked()
            .ShouldBeBlockedBy("tetragon").ShouldBeBlockedBy("kubearmor").ShouldBeDetectedBy("falco").ShouldNotBeCoveredBy("networkpolicy");
    }

    [Fact]
    public void ExecOutsideADeniedDirectory_IsAllowedEverywhere()
    {
        var policy = Git(s => s.DenyExec("/tmp/"));

        policy.Exec("acme/git", "/usr/bin/git").ShouldBeAllowed().ShouldNotBeCoveredBy("falco");
    }

    [Fact]
    public void AllowExec_UnderAuditPosture_KubeArmorOnlyReportsTheUnlistedExec()
    {
        var policy = Git(s => s.AllowExec("/usr/bin/git"));

        policy.Exec("acme/git", "/usr/bin/ssh").ShouldBeBlockedBy("tetragon").ShouldBeDetectedBy("kubearmor").ShouldBeDetectedBy("falco");
    }

    [Fact]
    public void AllowExec_UnderBlockPosture_KubeArmorBlocksTheUnlistedExec()
    {
        var policy = Git(s => s.AllowExec("/usr/bin/git"), KubeArmorPosture.Block);

        policy.Exec("acme/git", "/usr/bin/ssh").ShouldBeBlocked().ShouldBeBlockedBy("kubearmor");
        policy.Exec("acme/git", "/usr/bin/git").ShouldBeAllowed();
    }

    [Fact]
    public void ToolScopedDenyExec_AppliesOnlyWhenTheToolsBinaryIsTheParent()
    {
        var policy = Git(s => s.Tool("git_push", t => t.RunsAs("/usr/bin/git").DenyExec("/usr/bin/ssh")));

        policy.Exec("acme/git", "/usr/bin/ssh", parent: "/usr/bin/git").ShouldBeBlocked()
            .ShouldBeBlockedBy("tetragon").ShouldBeBlockedBy("kubearmor").ShouldBeDetectedBy("falco");
        policy.Exec("acme/git", "/usr/bin/ssh", parent: "/usr/local/bin/mcp-server-git").ShouldBeAllowed().ShouldNotBeCoveredBy("falco");
    }

    [Fact]
    public void DenyFileWrite_LetsReadsThrough()
    {
        var policy = Git(s => s.DenyFileWrite("/etc/"));

        policy.OpenFile("acme/git", "/etc/passwd", FileAccess.Write).ShouldBeBlocked().ShouldBeBlockedBy("kubearmor");
        policy.OpenFile("acme/git", "/etc/passwd", FileAccess.Read).ShouldBeAllowed();
        policy.OpenFile("acme/git", "/etc/passwd", FileAccess.ReadWrite).ShouldBeBlocked().ShouldBeBlockedBy("tetragon");
    }

    [Fact]
    public void DenyFileWritesOutside_UnderBlockPosture_ConfinesWritesOnEveryEngine()
    {
        var policy = Git(s => s.DenyFileWritesOutside("/projects/"), KubeArmorPosture.Block);

        policy.OpenFile("acme/git", "/etc/cron.d/x", FileAccess.Write).ShouldBeBlocked()
            .ShouldBeBlockedBy("tetragon").ShouldBeBlockedBy("kubearmor").ShouldBeDetectedBy("falco");
        policy.OpenFile("acme/git", "/projects/repo/README.md", FileAccess.Write).ShouldBeAllowed();
        policy.OpenFile("acme/git", "/etc/hostname", FileAccess.Read).ShouldBeAllowed();
    }

    [Fact]
    public void DeniedCapability_IsBlockedByTetragonAndKubeArmor()
    {
        var policy = Git(s => s.DenyCapability("NET_RAW"));

        policy.UseCapability("acme/git", "NET_RAW").ShouldBeBlocked().ShouldBeBlockedBy("tetragon").ShouldBeBlockedBy("kubearmor")
            .ShouldBeDetectedBy("falco");
        policy.UseCapability("acme/git", "CHOWN").ShouldBeAllowed();
    }

    [Fact]
    public void DeniedRawSocket_IsBlockedByKubeArmor_DetectedByFalco()
    {
        var policy = Git(s => s.DenySocketProtocol(SocketProtocol.Raw));

        var report = policy.CreateSocket("acme/git", SocketProtocol.Raw).ShouldBeBlocked().ShouldBeBlockedBy("kubearmor")
            .ShouldBeDetectedBy("falco");
        Assert.Empty(ConsistencyCheck.Violations(report));
        policy.CreateSocket("acme/git", SocketProtocol.Tcp).ShouldBeAllowed();
    }

    [Fact]
    public void AuditedSyscall_IsDetectedByKubeArmorAndFalco()
    {
        var policy = Git(s => s.AuditSyscall("ptrace"));

        var report = policy.CallSyscall("acme/git", "ptrace").ShouldBeDetectedBy("kubearmor").ShouldBeDetectedBy("falco");
        Assert.Equal(Outcome.DetectedOnly, report.Model.Outcome);
    }

    [Fact]
    public void AFailedProcessAssertion_NamesTheEventAndEveryVerdict()
    {
        var policy = Git(s => s.DenyExec("/usr/bin/curl"));

        var error = Assert.Throws<PolicyAssertionException>(() => policy.Exec("acme/git", "/usr/bin/wget").ShouldBeBlocked());

        Assert.Contains("exec of /usr/bin/wget by acme/git", error.Message);
        Assert.Contains("model says allowed", error.Message);
        Assert.Contains("kubearmor:", error.Message);
        Assert.IsType<ProcessReport>(error.Verdicts);
    }
}
