using System.Text.Json.Nodes;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Tests;

/// <summary>Falco semantics on hand-written rules files: the condition language, macros, lists and event fields.</summary>
public sealed class FalcoEvaluatorTests
{
    private static readonly EventSource Fetch = new("acme", "fetch");

    private static List<JsonObject> RulesFile(string items)
    {
        var map = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "rules", ["namespace"] = "falco" },
            ["data"] = new JsonObject { ["rules.yaml"] = items },
        };
        return [map];
    }

    private static Verdict Judge(List<JsonObject> objects, PolicyEvent observed, string binary = "/app/mcp-server") => observed switch
    {
        ConnectEvent connect => new FalcoEvaluator().Evaluate(connect, EventFactory.AcmeFetch.WithBinary(binary), objects),
        ProcessEvent process => new FalcoEvaluator().Evaluate(process, EventFactory.AcmeFetch.WithBinary(binary), objects),
        _ => throw new ArgumentException("unknown event"),
    };

    [Fact]
    public void MacrosListsAndQuotedValues_AreExpanded()
    {
        var objects = RulesFile("""
            - list: secrets
              items: ['"/etc/shadow"', '"/etc/a \"b\""']
            - macro: opened_for_read
              condition: evt.type in (open, openat, openat2) and evt.is_open_read=true
            - rule: secrets
              desc: d
              condition: opened_for_read and fd.name in (secrets) and k8s.ns.name = "acme"
              output: "rule_id=acme/fetch/deny-file-read-1 file=%fd.name"
              priority: ERROR
            """);

        var verdict = Judge(objects, new FileOpenEvent(Fetch, "/etc/a \"b\"", FileAccess.Read));

        Assert.Equal(Outcome.DetectedOnly, verdict.Outcome);
        Assert.Equal(["acme/fetch/deny-file-read-1"], verdict.RuleIds);
        Assert.Equal(Outcome.NotCovered, Judge(objects, new FileOpenEvent(Fetch, "/etc/a \"b\"", FileAccess.Write)).Outcome);
    }

    [Fact]
    public void MappedDestination_IsSeenAsIpv4()
    {
        var objects = RulesFile("""
            - rule: loopback
              desc: d
              condition: evt.type = connect and fd.typechar in (4, 6) and fd.snet in ("127.0.0.0/8") and fd.sport = 3000
              output: o
              priority: ERROR
            """);

        Assert.Equal(Outcome.DetectedOnly, Judge(objects, EventFactory.Connect("[::ffff:127.0.0.1]:3000")).Outcome);
        Assert.Equal(Outcome.NotCovered, Judge(objects, EventFactory.Connect("[::ffff:127.0.0.1]:3001")).Outcome);
    }

    [Fact]
    public void ExecOfAChild_SeesTheParentAsPexepath()
    {
        var objects = RulesFile("""
            - rule: ssh from git
              desc: d
              condition: >-
                evt.type in (execve, execveat) and evt.rawres >= 0
                and proc.exepath = /usr/bin/ssh and proc.pexepath in ("/usr/bin/git")
              output: o
              priority: ERROR
            """);

        Assert.Equal(Outcome.DetectedOnly, Judge(objects, new ExecEvent(Fetch, "/usr/bin/ssh"), binary: "/usr/bin/git").Outcome);
        Assert.Equal(Outcome.NotCovered, Judge(objects, new ExecEvent(Fetch, "/usr/bin/ssh")).Outcome);
    }

    [Fact]
    public void DisabledRule_IsNotLoaded()
    {
        var objects = RulesFile("""
            - rule: any exec
              desc: d
              condition: evt.type = execve
              output: o
              priority: ERROR
              enabled: false
            """);

        Assert.Equal(Outcome.NotCovered, Judge(objects, new ExecEvent(Fetch, "/bin/sh")).Outcome);
    }

    [Theory]
    [InlineData("proc.exepath = \"/bin/\\x41\"")]
    [InlineData("proc.unknown_field = x")]
    [InlineData("(proc.exepath = /bin/sh")]
    public void WhatFalcoWouldRejectOrTheKitDoesNotKnow_Throws(string condition)
    {
        var objects = RulesFile($"""
            - rule: r
              desc: d
              condition: '{condition.Replace("'", "''", StringComparison.Ordinal)}'
              output: o
              priority: ERROR
            """);

        Assert.ThrowsAny<Exception>(() => Judge(objects, new ExecEvent(Fetch, "/bin/sh")));
    }
}
