using System.Collections.Immutable;
using Hangar.Policy.Analyzers.Diagnostics;
using Hangar.Policy.Analyzers.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hangar.Policy.Analyzers.Analysis;

/// <summary>HANGAR0402: a member marked <c>[HangarPolicy]</c> that the generated catalog cannot call.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyMemberAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InvalidPolicyMember);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PolicySymbols.From(start.Compilation)?.HangarPolicyAttribute is not { } attribute)
                return;
            start.RegisterSymbolAction(c => Analyze(c, attribute), SymbolKind.Method, SymbolKind.Property);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attribute)
    {
        foreach (var data in context.Symbol.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                continue;
            if (PolicyMembers.Problem(context.Symbol) is { } problem)
            {
                var location = data.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                    ?? context.Symbol.Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPolicyMember, location, context.Symbol.Name, problem));
            }
        }
    }
}
