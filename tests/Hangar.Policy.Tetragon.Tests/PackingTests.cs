using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class PackingTests
{
    // Seven tools with distinct binaries need seven selectors: more than one hook holds.
    private static PolicySet SevenTools() => PolicySet.Named("p").Workspace("acme", ws => ws.Server("fetch", s =>
    {
        for (var i = 0; i < 7; i++)
        {
            var n = i;
            s.Tool($"tool{n}", t => t.RunsAs($"/usr/bin/tool{n}").DenyCidr($"203.0.113.{n * 16}/28"));
        }
    })).Build();

    [Fact]
    public void MoreThanFiveSelectors_SplitIntoNumberedPolicies()
    {
        var result = Compile.For(SevenTools());

        Assert.Equal(["acme-fetch-egress-1", "acme-fetch-egress-2"], result.Objects.Select(o => o.Name));
        Assert.All(Compile.Kprobes(result), k => Assert.InRange(((System.Collections.IList)k["selectors"]!).Count, 1, 5));
        Assert.Equal(7, Compile.Selectors(result).Count());
    }

    [Fact]
    public void SplitPolicies_StillBlockEveryTool()
    {
        var simulator = new TetragonSimulator(Compile.For(SevenTools()).Objects);

        for (var i = 0; i < 7; i++)
            Assert.True(simulator.Blocks(Connection.V4($"203.0.113.{i * 16 + 1}", 80, binary: $"/usr/bin/tool{i}")), $"tool{i}");
    }

    [Fact]
    public void Tags_CarryTheRuleIds_AtMostSixteenPerHook()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws =>
        {
            for (var i = 0; i < 20; i++)
                ws.DenyCidr($"198.51.100.{i}");
            ws.Server("fetch");
        }).Build();

        var result = Compile.For(set);

        var tags = Compile.Kprobes(result).Select(k => (List<string>)k["tags"]!).ToList();
        Assert.All(tags, t => Assert.InRange(t.Count, 1, 16));
        Assert.Equal(set.AllRules.Select(r => r.Id.Value).Order(StringComparer.Ordinal),
            tags.SelectMany(t => t).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Annotation_ListsTheRulesOfEachObject()
    {
        var result = Compile.For(SamplePolicies.DenyBaseline());

        var annotation = (string)result.Objects.Single().Body.Node("metadata")!.Node("annotations")!["hangar.dev/rules"]!;
        Assert.Equal(SamplePolicies.DenyBaseline().AllRules.Select(r => r.Id.Value).Order(StringComparer.Ordinal), annotation.Split(','));
    }

    [Fact]
    public void Names_StayUniqueAcrossNamespaces()
    {
        var set = PolicySet.Named("p")
            .Workspace("a-b", ws => ws.DenyLoopback().Server("c"))
            .Workspace("a", ws => ws.DenyLoopback().Server("b-c"))
            .Build();

        var names = Compile.For(set).Objects.Select(o => o.Name).ToList();

        Assert.Equal(2, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^a-b-c-[0-9a-f]{6}-egress$", n));
    }

    [Fact]
    public void EveryObject_SelectsItsServerPods()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyLoopback()
            .Server("fetch", s => s.SelectedBy("app", "fetch"))).Build();

        var selector = Compile.For(set).Objects.Single().Body.Node("spec")!.Node("podSelector")!.Node("matchLabels")!;

        Assert.Equal([new("app", "fetch")], selector.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
    }
}
