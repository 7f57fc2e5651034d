using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class RegisterPolicyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DiscardedPolicy);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax chain)
                continue;
            var needsBuild = diagnostic.Properties.ContainsKey(DiscardedPolicyAnalyzer.NeedsBuildProperty);
            context.RegisterCodeFix(CodeAction.Create("Register the policy with HangarPolicyCatalog", _ =>
            {
                ExpressionSyntax built = needsBuild
                    ? SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression, chain.WithoutTrivia(), SyntaxFactory.IdentifierName("Build")))
                    : chain.WithoutTrivia();
                var register = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.ParseExpression("global::Hangar.Policy.HangarPolicyCatalog.Register")
                            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(built))))
                    .WithTriviaFrom(chain);
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(chain, register)));
            }, equivalenceKey: nameof(RegisterPolicyCodeFix)), diagnostic);
        }
    }
}
