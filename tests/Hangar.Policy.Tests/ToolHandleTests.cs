using Hangar.Policy.Building;
using Hangar.Policy.Manifests;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Tests;

public sealed class ToolHandleTests
{
    private static readonly McpToolHandle ReadFile = new("filesystem", "read_file", new ToolAnnotations(true, null, null, false));
    private static readonly McpToolHandle Search = new("search", "web_search", new ToolAnnotations(true, null, null, true));
    private static readonly McpToolHandle WriteFile = new("filesystem", "write_file", new ToolAnnotations(false, true, null, null));

    [Fact]
    public void Tool_WithHandle_DeclaresTheToolByName()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.Server("filesystem", s => s.Tool(ReadFile, t => t.DenyLoopback()))).Build();

        Assert.Equal("read_file", set.Workspaces[0].Servers[0].Tools.Single().Name);
    }

    [Fact]
    public void Tool_WithHandle_CarriesTheAnnotations()
    {
        var tool = PolicySet.Named("p").Workspace("acme").Server("filesystem").Tool(ReadFile);

        Assert.Equal(ReadFile.Annotations, tool.Annotations);
    }

    [Fact]
    public void DefaultDenyEgressForReadOnlyTools_PutsOnlyClosedReadOnlyToolsInAllowlistMode()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("filesystem", s => s.Tool(ReadFile, _ => { }).Tool(WriteFile, _ => { }).Tool(Search, _ => { })
                .DefaultDenyEgressForReadOnlyTools()))
            .Build();

        var tools = set.Workspaces[0].Servers[0].Tools.ToDictionary(t => t.Name);
        Assert.IsType<DefaultDenyEgressRule>(Assert.Single(tools["read_file"].Rules));
        Assert.Empty(tools["write_file"].Rules);
        Assert.Empty(tools["web_search"].Rules);
    }

    [Fact]
    public void DefaultDenyEgressForReadOnlyTools_ExistingAllowlist_IsNotDuplicated()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws
            .Server("filesystem", s => s.Tool(ReadFile, t => t.DefaultDenyEgress()).DefaultDenyEgressForReadOnlyTools()))
            .Build();

        Assert.Single(set.Workspaces[0].Servers[0].Tools.Single().Rules);
    }
}
