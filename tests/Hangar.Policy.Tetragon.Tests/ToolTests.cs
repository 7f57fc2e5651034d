using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class ToolTests
{
    private static PolicySet ToolDeny(Func<ToolBuilder, ToolBuilder> tool) => PolicySet.Named("p")
        .Workspace("acme", ws => ws.Server("fetch", s => s.Tool("fetch", t => tool(t).DenyCidr("203.0.113.0/24"))))
        .Build();

    [Fact]
    public void ToolWithBinaries_IsScopedByMatchBinariesIn()
    {
        var result = Compile.For(ToolDeny(t => t.RunsAs("/usr/local/bin/fetch", "/usr/bin/curl")));
        var simulator = new TetragonSimulator(result.Objects);

        var binaries = (List<Hangar.Policy.Output.ObjectNode>)Compile.Selectors(result).Single()["matchBinaries"]!;
        Assert.Equal("In", (string)Assert.Single(binaries)["operator"]!);
        Assert.Equal(["/usr/bin/curl", "/usr/local/bin/fetch"], (List<string>)binaries[0]["values"]!);
        Assert.True(simulator.Blocks(Connection.V4("203.0.113.1", 443, binary: "/usr/bin/curl")));
        Assert.False(simulator.Blocks(Connection.V4("203.0.113.1", 443)));
        Assert.Equal(CoverageStatus.Enforced, result.Coverage.Entries.Single().Status);
    }

    [Theory]
    [InlineData("1.2.0", true)]
    [InlineData("1.1.0", false)]
    public void ToolWithBinaries_FollowsChildrenFromTetragon12(string version, bool follows)
    {
        var result = Compile.For(ToolDeny(t => t.RunsAs("/usr/bin/git")), version);

        var binaries = ((List<Hangar.Policy.Output.ObjectNode>)Compile.Selectors(result).Single()["matchBinaries"]!).Single();
        Assert.Equal(follows, binaries.ContainsKey("followChildren"));
        Assert.Equal(follows, !result.Coverage.Entries.Single().Reason.Contains("not the processes they start"));
    }

    [Fact]
    public void ToolWithoutBinaries_WidensToTheServer()
    {
        var result = Compile.For(ToolDeny(t => t));
        var simulator = new TetragonSimulator(result.Objects);

        Assert.Null(Compile.Selectors(result).Single()["matchBinaries"]);
        Assert.True(simulator.Blocks(Connection.V4("203.0.113.1", 443)));
        var entry = result.Coverage.Entries.Single();
        Assert.Equal(CoverageStatus.Widened, entry.Status);
        Assert.Contains("acme/fetch", entry.Reason);
    }
}
