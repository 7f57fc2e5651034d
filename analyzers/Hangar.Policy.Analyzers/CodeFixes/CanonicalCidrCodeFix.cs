using System;
using System.Collections.Immutable;
using System.Composition;
using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hangar.Policy.Analyzers.CodeFixes;

/// <summary>HANGAR0001: replaces a CIDR literal with host bits set or a non-canonical spelling by its canonical form.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CanonicalCidrCodeFix)), Shared]
public sealed class CanonicalCidrCodeFix : NodeReplacingCodeFix<LiteralExpressionSyntax>
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidCidr);

    /// <inheritdoc />
    protected override (string Title, Func<SyntaxNode> Replacement)? Plan(Diagnostic diagnostic, LiteralExpressionSyntax node)
    {
        if (!diagnostic.Properties.TryGetValue(ArgumentAnalyzer.CanonicalProperty, out var canonical) || canonical is null)
            return null;
        return ($"Write \"{canonical}\"", () =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(canonical))
                .WithTriviaFrom(node));
    }
}
