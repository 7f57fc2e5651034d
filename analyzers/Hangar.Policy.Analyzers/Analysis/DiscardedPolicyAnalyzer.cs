using System.Collections.Immutable;
using Hangar.Policy.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hangar.Policy.Analyzers.Analysis;

/// <summary>
/// HANGAR0401: a policy built and thrown away, either a <c>Build()</c> result used as a statement or a fluent chain
/// that starts at <c>PolicySet.Named(…)</c> and is never built.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DiscardedPolicyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Set on the diagnostic when the statement is a chain never built, so the fix adds <c>.Build()</c>.</summary>
    public const string NeedsBuildProperty = "needsBuild";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DiscardedPolicy);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PolicySymbols.From(start.Compilation) is not { } symbols)
                return;
            start.RegisterOperationAction(
                c => Analyze(c, symbols, (IExpressionStatementOperation)c.Operation), OperationKind.ExpressionStatement);
        });
    }

    private static void Analyze(OperationAnalysisContext context, PolicySymbols symbols, IExpressionStatementOperation statement)
    {
        var value = statement.Operation;
        if (value is not IInvocationOperation invocation || statement.IsImplicit)
            return;
        if (PolicySymbols.Is(value.Type, symbols.PolicySet) && invocation.TargetMethod.Name == "Build"
            && symbols.IsPolicyMethod(invocation.TargetMethod))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DiscardedPolicy, invocation.Syntax.GetLocation(), Name(invocation)));
            return;
        }
        if (symbols.IsBuilder(value.Type) && StartsAtNamed(invocation, symbols))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DiscardedPolicy, invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(NeedsBuildProperty, "true"), Name(invocation)));
        }
    }

    // A chain on a builder parameter adds to a policy built elsewhere; only a chain from PolicySet.Named is lost.
    private static bool StartsAtNamed(IInvocationOperation invocation, PolicySymbols symbols)
    {
        IOperation? current = invocation;
        while (current is IInvocationOperation call)
        {
            if (call.TargetMethod.Name == "Named" && PolicySymbols.Is(call.TargetMethod.ContainingType, symbols.PolicySet))
                return true;
            current = Scopes.ScopeGraph.Receiver(call);
            while (current is IConversionOperation conversion)
                current = conversion.Operand;
        }
        return false;
    }

    private static string Name(IInvocationOperation invocation)
    {
        IOperation? current = invocation;
        while (current is IInvocationOperation call)
        {
            if (call.TargetMethod.Name == "Named" && call.Arguments.Length == 1
                && call.Arguments[0].Value.ConstantValue.Value is string name)
                return $"policy set '{name}'";
            current = Scopes.ScopeGraph.Receiver(call);
            while (current is IConversionOperation conversion)
                current = conversion.Operand;
        }
        return "the policy set";
    }
}
