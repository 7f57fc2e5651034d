using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Tests;

/// <summary>KubeArmor semantics on hand-written policies: matching, readOnly, fromSource, allowlist mode and posture.</summary>
public sealed class KubeArmorEvaluatorTests
{
    private static readonly EventSource Fetch = new("acme", "fetch");

    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> Policy(string action, string body) => ManifestReader.ReadYaml($"""
        apiVersion: security.kubearmor.com/v1
        kind: KubeArmorPolicy
        metadata: {"{"} name: p, namespace: acme {"}"}
        spec:
          selector:
            matchLabels: {"{"} hangar.dev/server: fetch {"}"}
        {body}
          action: {action}
        """);

    private static Outcome Judge(IReadOnlyList<System.Text.Json.Nodes.JsonObject> objects, ProcessEvent processEvent,
        KubeArmorDefaultPosture posture = KubeArmorDefaultPosture.Audit, string binary = "/app/mcp-server") =>
        new KubeArmorEvaluator(posture).Evaluate(processEvent, EventFactory.AcmeFetch.WithBinary(binary), objects).Outcome;

    [Fact]
    public void DirectoryWithoutRecursive_MatchesOnlyItsOwnFiles()
    {
        var objects = Policy("Block", """
              file:
                matchDirectories:
                - dir: /etc/
            """);

        Assert.Equal(Outcome.Blocked, Judge(objects, new FileOpenEvent(Fetch, "/etc/passwd", FileAccess.Read)));
        Assert.Equal(Outcome.Allowed, Judge(objects, new FileOpenEvent(Fetch, "/etc/ssl/cert.pem", FileAccess.Read)));
    }

    [Fact]
    public void ReadOnlyBlockEntry_BlocksWritesOnly()
    {
        var objects = Policy("Block", """
              file:
                matchPaths:
                - path: /etc/passwd
                  readOnly: true
            """);

        Assert.Equal(Outcome.Allowed, Judge(objects, new FileOpenEvent(Fetch, "/etc/passwd", FileAccess.Read)));
        Assert.Equal(Outcome.Blocked, Judge(objects, new FileOpenEvent(Fetch, "/etc/passwd", FileAccess.ReadWrite)));
    }

    [Fact]
    public void FromSource_LimitsTheEntryToTheNamedExecutable()
    {
        var objects = Policy("Block", """
              process:
                matchPaths:
                - path: /usr/bin/ssh
                  fromSource:
                  - path: /usr/bin/git
            """);

        Assert.Equal(Outcome.Blocked, Judge(objects, new ExecEvent(Fetch, "/usr/bin/ssh"), binary: "/usr/bin/git"));
        Assert.Equal(Outcome.Allowed, Judge(objects, new ExecEvent(Fetch, "/usr/bin/ssh"), binary: "/usr/bin/python3"));
    }

    [Fact]
    public void AllowMode_UnlistedOperationsFollowThePosture()
    {
        var objects = Policy("Allow", """
              file:
                matchDirectories:
                - dir: /
                  recursive: true
                  readOnly: true
                - dir: /data/
                  recursive: true
            """);
        var outside = new FileOpenEvent(Fetch, "/etc/passwd", FileAccess.Write);

        Assert.Equal(Outcome.DetectedOnly, Judge(objects, outside));
        Assert.Equal(Outcome.Blocked, Judge(objects, outside, KubeArmorDefaultPosture.Block));
        Assert.Equal(Outcome.Allowed, Judge(objects, new FileOpenEvent(Fetch, "/data/x", FileAccess.Write), KubeArmorDefaultPosture.Block));
        Assert.Equal(Outcome.Allowed,
            Judge(objects, new FileOpenEvent(Fetch, "/etc/passwd", FileAccess.Read), KubeArmorDefaultPosture.Block));
    }

    [Fact]
    public void AuditEntry_ReportsWithoutBlocking()
    {
        var objects = Policy("Block", """
              capabilities:
                matchCapabilities:
                - capability: net_raw
                  action: Audit
            """);

        Assert.Equal(Outcome.DetectedOnly, Judge(objects, new CapabilityEvent(Fetch, Model.LinuxCapability.NetRaw)));
    }

    [Fact]
    public void PolicyOfAnotherServer_DoesNotApply()
    {
        var objects = ManifestReader.ReadYaml("""
            apiVersion: security.kubearmor.com/v1
            kind: KubeArmorPolicy
            metadata: { name: p, namespace: acme }
            spec:
              selector:
                matchLabels: { hangar.dev/server: git }
              process:
                matchPaths:
                - path: /usr/bin/curl
              action: Block
            """);

        Assert.Equal(Outcome.NotCovered, Judge(objects, new ExecEvent(Fetch, "/usr/bin/curl")));
    }

    [Fact]
    public void MatchPatterns_IsReportedNotGuessed()
    {
        var objects = Policy("Block", """
              file:
                matchPatterns:
                - pattern: /etc/*
            """);

        Assert.Throws<NotSupportedException>(() => Judge(objects, new FileOpenEvent(Fetch, "/etc/passwd", FileAccess.Read)));
    }
}
