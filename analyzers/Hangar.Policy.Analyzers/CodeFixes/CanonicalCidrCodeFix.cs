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

namespace Hangar.Policy.Analyzers.CodeFixes;

/// <summary>HANGAR0001: replaces a CIDR literal with host bits set or a non-canonical spelling by its canonical form.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CanonicalCidrCodeFix)), Shared]
public sealed class CanonicalCidrCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidCidr);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ArgumentAnalyzer.CanonicalProperty, out var canonical) || canonical is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
                continue;
            context.RegisterCodeFix(CodeAction.Create($"Write \"{canonical}\"", _ =>
            {
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(canonical))
                    .WithTriviaFrom(literal);
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
            }, equivalenceKey: nameof(CanonicalCidrCodeFix)), diagnostic);
        }
    }
}
