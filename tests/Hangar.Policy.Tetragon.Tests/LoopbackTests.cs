using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class LoopbackTests
{
    private static PolicySet Loopback(RuleMode mode = RuleMode.Enforce) =>
        PolicySet.Named("p").Workspace("acme", ws => ws.DenyLoopback(mode).Server("fetch")).Build();

    [Fact]
    public void DenyLoopback_ListsEveryLoopbackFormAndItsIPv4MappedForm()
    {
        var values = Compile.Values(Compile.For(Loopback()), "SAddr").Single();

        Assert.Equal(["0.0.0.0/8", "127.0.0.0/8", "::/128", "::1/128", "::ffff:0:0/104", "::ffff:7f00:0/104"],
            values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DenyLoopback_BlocksWithOverrideOnSecuritySocketConnect()
    {
        var result = Compile.For(Loopback());

        Assert.Equal("security_socket_connect", (string)Compile.Kprobes(result).Single()["call"]!);
        Assert.Equal(["Override"], Compile.Actions(result));
    }

    [Fact]
    public void DenyLoopback_OnTetragon15_IsEnforcedWithoutWarning()
    {
        var result = Compile.For(Loopback(), "1.5.0");

        Assert.Contains("::ffff:7f00:0/104", Compile.Values(result, "SAddr").Single());
        Assert.Equal(CoverageStatus.Enforced, result.Coverage.Entries.Single().Status);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.EngineVersionTooOld);
    }

    [Fact]
    public void DenyLoopback_OnTetragon14_DeniesEveryMappedAddressInstead_AndSaysSo()
    {
        var result = Compile.For(Loopback(), "1.4.0");
        var simulator = new TetragonSimulator(result.Objects, mappedValuesInV6Map: false);

        Assert.DoesNotContain(Compile.Values(result, "SAddr").Single(), v => v.StartsWith("::ffff:", StringComparison.Ordinal));
        Assert.True(simulator.Blocks(Connection.V4("127.0.0.1", 8080).Mapped()));
        Assert.True(simulator.Blocks(Connection.V4("8.8.8.8", 443).Mapped()));
        Assert.False(simulator.Blocks(Connection.V4("8.8.8.8", 443)));
        Assert.Contains("stricter", result.Coverage.Entries.Single().Reason);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.EngineVersionTooOld);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("1.5.0", warning.Fix);
    }

    [Fact]
    public void DenyLoopback_InAudit_PostsOnlyInAMonitorModePolicy()
    {
        var result = Compile.For(Loopback(RuleMode.Audit));

        var policy = Assert.Single(result.Objects);
        Assert.EndsWith("-audit", policy.Name);
        Assert.Equal(["Post"], Compile.Actions(result));
        Assert.Contains("name: policy-mode\n    value: monitor", policy.ToYaml());
        Assert.Equal(CoverageStatus.Detected, result.Coverage.Entries.Single().Status);
    }
}
