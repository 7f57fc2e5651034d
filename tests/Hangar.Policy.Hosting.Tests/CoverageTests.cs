using System.Text.Json;
using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Hosting.Commands;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

public sealed class CoverageTests : IDisposable
{
    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private static PolicySet Policy() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.DenyLoopback().DenyCloudMetadata()
            .Server("fetch", s => s.Tool("fetch", t => t.DenyCidr("100.64.0.0/10"))))
        .Build();

    [Fact]
    public void Json_IsAListOfRowsWithRuleBackendStatusReason()
    {
        var run = _cli.Run(Policy, "coverage", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.All(json.RootElement.EnumerateArray(), row =>
        {
            Assert.Equal(["backend", "reason", "rule", "status"], row.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Contains(row.GetProperty("status").GetString(), new[] { "enforced", "widened", "partial", "detected", "unsupported" });
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("reason").GetString()));
        });
    }

    [Fact]
    public void Json_HasOneRowPerRuleAndEngine()
    {
        var run = _cli.Run(Policy, "coverage", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var rows = json.RootElement.EnumerateArray()
            .Select(r => (Rule: r.GetProperty("rule").GetString(), Backend: r.GetProperty("backend").GetString())).ToList();
        Assert.Equal(Policy().AllRules.Select(r => r.Id.Value).Order(StringComparer.Ordinal), rows.Select(r => r.Rule));
        Assert.All(rows, r => Assert.Equal("networkpolicy", r.Backend));
    }

    [Fact]
    public void Json_LoopbackIsNotEnforcedByNetworkPolicy()
    {
        var run = _cli.Run(Policy, "coverage", "--format", "json", "--engines", "networkpolicy");

        using var json = JsonDocument.Parse(run.Out);
        var loopback = json.RootElement.EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "acme/deny-loopback");
        Assert.NotEqual("enforced", loopback.GetProperty("status").GetString());
    }

    [Fact]
    public void Report_PartialEntry_IsPrintedAsPartialInEveryFormatAndCountedBetweenWidenedAndDetected()
    {
        var rule = new RuleId("acme/default-deny-egress");
        var other = new RuleId("acme/deny-cloud-metadata");
        var matrix = CoverageMatrix.Create([rule, other], ["networkpolicy"],
        [
            new CoverageEntry(rule, "networkpolicy", CoverageStatus.Partial, "loopback inside the pod is not seen"),
            new CoverageEntry(other, "networkpolicy", CoverageStatus.Detected, "audit"),
        ]);

        using var json = JsonDocument.Parse(CoverageReport.Json(matrix));
        Assert.Equal("partial", json.RootElement[0].GetProperty("status").GetString());
        Assert.Contains("| networkpolicy | partial | loopback inside the pod is not seen |", CoverageReport.Markdown(matrix));
        Assert.Equal("networkpolicy: 1 partial, 1 detected", CoverageReport.Summary(matrix));
    }

    [Fact]
    public void Table_HasHeaderAndOneLinePerRowAndTotals()
    {
        var run = _cli.Run(Policy, "coverage");

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("RULE", lines[0]);
        Assert.Equal(3, lines.Count(l => l.StartsWith("acme/", StringComparison.Ordinal)));
        Assert.StartsWith("networkpolicy: ", lines[^1]);
    }

    [Fact]
    public void Markdown_IsATableWithOneRowPerRule()
    {
        var run = _cli.Run(Policy, "coverage", "--format", "markdown");

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("| rule | backend | status | reason |", lines[0]);
        Assert.Equal(3, lines.Count(l => l.StartsWith("| `acme/", StringComparison.Ordinal)));
    }

    [Fact]
    public void PolicyError_ExitsOneAndPrintsNoMatrix()
    {
        var run = _cli.Run(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyLateral().Server("fetch", s => s.DenyLoopback())).Build(), "coverage", "--format", "json");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("HANGAR0204", run.Error);
        Assert.Equal("", run.Out);
    }
}
