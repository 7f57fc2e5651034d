using System;
using System.Collections.Immutable;
using System.Composition;
using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Hangar.Policy.Analyzers.CodeFixes;

/// <summary>
/// HANGAR0401: passes a discarded policy to <c>HangarPolicyCatalog.Register(…)</c>, building the chain first when it
/// was never built.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterPolicyCodeFix)), Shared]
public sealed class RegisterPolicyCodeFix : NodeReplacingCodeFix<InvocationExpressionSyntax>
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DiscardedPolicy);

    /// <inheritdoc />
    protected override (string Title, Func<SyntaxNode> Replacement)? Plan(Diagnostic diagnostic, InvocationExpressionSyntax node)
    {
        var needsBuild = diagnostic.Properties.ContainsKey(DiscardedPolicyAnalyzer.NeedsBuildProperty);
        return ("Register the policy with HangarPolicyCatalog", () => Register(node, needsBuild));
    }

    private static SyntaxNode Register(InvocationExpressionSyntax chain, bool needsBuild)
    {
        ExpressionSyntax built = needsBuild
            ? SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, chain.WithoutTrivia(), SyntaxFactory.IdentifierName("Build")))
            : chain.WithoutTrivia();
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::Hangar.Policy.HangarPolicyCatalog.Register")
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(built))))
            .WithTriviaFrom(chain);
    }
}
