using System.Collections;
using System.Reflection;
using Hangar.Policy.Analyzers.Generators;
using Hangar.Policy.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hangar.Policy.Analyzers.Tests;

public sealed class IncrementalGeneratorTests
{
    private const string Policy = """
        public static class Policies
        {
            [HangarPolicy]
            public static PolicySet Acme() => PolicySet.Named("acme").Workspace("acme", ws => ws.DenyLoopback()).Build();
        }
        """;

    public static TheoryData<string> Generators => ["catalog", "registry"];

    [Theory]
    [MemberData(nameof(Generators))]
    public void SecondRun_AfterUnrelatedEdit_ShouldLeaveEveryTrackedStepCachedOrUnchanged(string which)
    {
        var (generator, names) = Create(which);
        var first = GeneratorRun.Start(generator, GeneratorRun.Compile(Policy, "class Unrelated { }"), ManifestFiles());
        var edited = EditUnrelated(first.Compilation);

        var second = first.Again(edited);

        foreach (var name in names)
        {
            Assert.True(second.Result.TrackedSteps.ContainsKey(name), $"step '{name}' was not tracked");
            foreach (var step in second.Result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"step '{name}' was {reason}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void TrackedSteps_Models_ShouldHoldNoSymbolOrSyntax(string which)
    {
        var (generator, names) = Create(which);
        var run = GeneratorRun.Start(generator, GeneratorRun.Compile(Policy), ManifestFiles());

        foreach (var name in names)
        {
            foreach (var step in run.Result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                    AssertPlain(value, $"step '{name}'", depth: 0);
            }
        }
    }

    private static (IIncrementalGenerator Generator, IEnumerable<string> Names) Create(string which) => which == "catalog"
        ? (new PolicyCatalogGenerator(), PolicyCatalogGenerator.TrackingNames)
        : (new ToolRegistryGenerator(), ToolRegistryGenerator.TrackingNames.Where(n => n != "ManifestFiles"));

    private static AdditionalText[] ManifestFiles() =>
        [new InMemoryAdditionalText("/p/fetch.tools.json", ManifestTexts.Fetch),
            new InMemoryAdditionalText("/p/filesystem.tools.json", ManifestTexts.Filesystem)];

    private static CSharpCompilation EditUnrelated(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// an edit that changes no policy\n"));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    // Walks a model's fields: a symbol, syntax node, location or compilation would keep old compilations alive
    // and defeat caching.
    private static void AssertPlain(object? value, string where, int depth)
    {
        if (value is null || depth > 6 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
            return;
        Assert.False(value is ISymbol or SyntaxNode or Location or Microsoft.CodeAnalysis.Compilation or SemanticModel or SyntaxTree,
            $"{where} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
                AssertPlain(item, where, depth + 1);
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertPlain(field.GetValue(value), $"{where}.{field.Name}", depth + 1);
    }
}
