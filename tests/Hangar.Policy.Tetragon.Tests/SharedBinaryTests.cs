using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// Tetragon tells the tools of a server apart by binary only: an allowance scoped to a binary that another tool
/// also runs would reach that tool too, so it is not emitted.
/// </summary>
public sealed class SharedBinaryTests
{
    private static PolicySet Git(string logBinary) => PolicySet.Named("p")
        .Workspace("acme", ws => ws
            .Server("git", s => s.DefaultDenyEgress().AllowEgress("140.82.112.0/20", Ports.Tcp(443))
                .Tool("clone", t => t.RunsAs("/usr/bin/git").AllowEgress("192.0.2.0/24", Ports.Tcp(9418)))
                .Tool("log", t => t.RunsAs(logBinary).DenyCidr("198.51.100.0/24"))))
        .Build();

    private static CoverageEntry Entry(CompilationResult result, string intent) =>
        result.Coverage.Entries.Single(e => e.RuleId.Value.Contains(intent, StringComparison.Ordinal));

    [Fact]
    public void ToolAllow_OfABinaryAnotherToolRuns_IsNotApplied()
    {
        var result = Compile.For(Git("/usr/bin/git"));
        var simulator = new TetragonSimulator(result.Objects);

        Assert.True(simulator.Blocks(Connection.V4("192.0.2.1", 9418, binary: "/usr/bin/git")));
        Assert.False(simulator.Blocks(Connection.V4("140.82.112.5", 443, binary: "/usr/bin/git")));
        var entry = Entry(result, "clone/allow-egress");
        Assert.Equal(CoverageStatus.Unsupported, entry.Status);
        Assert.Contains("/usr/bin/git also runs tool 'log'", entry.Reason);
    }

    [Fact]
    public void ToolAllow_OfABinaryAnotherToolRuns_IsWarnedOf()
    {
        var result = Compile.For(Git("/usr/bin/git"));

        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.NotEnforced && !d.IsError
            && d.Problem.Contains("tool 'clone' shares /usr/bin/git with tool 'log'"));
    }

    [Fact]
    public void ToolAllow_OfItsOwnBinary_IsApplied()
    {
        var result = Compile.For(Git("/usr/bin/ssh"));
        var simulator = new TetragonSimulator(result.Objects);

        Assert.False(simulator.Blocks(Connection.V4("192.0.2.1", 9418, binary: "/usr/bin/git")));
        Assert.True(simulator.Blocks(Connection.V4("192.0.2.1", 9418, binary: "/usr/bin/ssh")));
        Assert.Equal(CoverageStatus.Enforced, Entry(result, "clone/allow-egress").Status);
    }

    [Fact]
    public void ToolDeny_OfABinaryAnotherToolRuns_IsReportedWidened()
    {
        var entry = Entry(Compile.For(Git("/usr/bin/git")), "log/deny-cidr");

        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("applies to tool 'clone' too", entry.Reason);
    }
}
