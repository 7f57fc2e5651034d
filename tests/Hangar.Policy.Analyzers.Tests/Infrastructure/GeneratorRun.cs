using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>Runs a generator over policy sources and AdditionalFiles, keeping the driver for a second run.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, CSharpCompilation compilation)
    {
        Driver = driver;
        Compilation = compilation;
    }

    public GeneratorDriver Driver { get; }

    public CSharpCompilation Compilation { get; }

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(TestReferences.Usings + s,
                new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorRun Start(IIncrementalGenerator generator, CSharpCompilation compilation,
        IEnumerable<AdditionalText>? files = null, string? rootNamespace = "Consumer")
    {
        var options = new Dictionary<string, string>();
        if (rootNamespace is not null)
            options["build_property.RootNamespace"] = rootNamespace;
        GeneratorDriver driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], files ?? [],
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options, new OptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return new GeneratorRun(driver.RunGenerators(compilation, TestContext.Current.CancellationToken), compilation);
    }

    public GeneratorRun Again(CSharpCompilation compilation) =>
        new(Driver.RunGenerators(compilation, TestContext.Current.CancellationToken), compilation);

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generated file called <paramref name="hintName"/>.</summary>
    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>The compilation with the generated sources added, and its errors.</summary>
    public ImmutableArray<Diagnostic> CompileErrors()
    {
        Driver.RunGeneratorsAndUpdateCompilation(Compilation, out var output, out _, TestContext.Current.CancellationToken);
        return [.. output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    private sealed class OptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
