using System.Collections.Immutable;
using System.Linq;
using Hangar.Policy.Analyzers.Diagnostics;
using Hangar.Policy.Analyzers.Engines;
using Hangar.Policy.Analyzers.Generators;
using Hangar.Policy.Analyzers.Manifests;
using Hangar.Policy.Analyzers.Scopes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hangar.Policy.Analyzers.Analysis;

/// <summary>
/// Checks the rules of each scope together: allows inside denies, repeated rules, empty allowlists (HANGAR0101-0103);
/// against the selected engines and versions (HANGAR0201-0203, 0205); and tool names against manifests (HANGAR0301, 0303).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property of HANGAR0301/0303 diagnostics holding the typed handle to write instead of the string.</summary>
    public const string HandleProperty = "handle";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.AllowInsideDeny, Descriptors.DuplicateRule, Descriptors.EmptyAllowlist, Descriptors.NotEnforced,
        Descriptors.HostnameUnmatchable, Descriptors.EngineVersionTooOld, Descriptors.UnknownEngine, Descriptors.UnknownTool,
        Descriptors.ToolNameString);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PolicySymbols.From(start.Compilation) is not { } symbols)
                return;
            var engines = EngineSettings.Read(start.Options, start.CancellationToken);
            var manifests = ManifestIndex.Read(start.Options, start.CancellationToken);
            var rootNamespace = GeneratorOptions.RootNamespace(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            start.RegisterOperationBlockAction(block =>
            {
                var graph = ScopeGraph.Build(symbols, block.OperationBlocks);
                if (graph.Rules.Count == 0 && graph.ToolNames.Count == 0)
                    return;
                RuleChecks.Report(graph, block.ReportDiagnostic);
                EngineChecks.Report(graph, engines, block.ReportDiagnostic);
                ToolChecks.Report(graph, manifests, rootNamespace, block.ReportDiagnostic);
            });
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var unknown in engines.Unknown)
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownEngine, engines.Location, unknown, engines.Source));
            });
        });
    }
}
