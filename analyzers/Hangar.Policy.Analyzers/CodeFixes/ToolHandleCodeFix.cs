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
/// HANGAR0301 and HANGAR0303: replaces a tool-name string with the generated typed handle, the listed tool
/// itself or, for a name the manifest does not list, the nearest listed one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ToolHandleCodeFix)), Shared]
public sealed class ToolHandleCodeFix : NodeReplacingCodeFix<LiteralExpressionSyntax>
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnknownTool, DiagnosticIds.ToolNameString);

    /// <inheritdoc />
    protected override (string Title, Func<SyntaxNode> Replacement)? Plan(Diagnostic diagnostic, LiteralExpressionSyntax node)
    {
        if (!diagnostic.Properties.TryGetValue(ScopeAnalyzer.HandleProperty, out var handle) || handle is null)
            return null;
        var shortName = handle.Substring(handle.IndexOf("McpTools.", StringComparison.Ordinal));
        return ($"Use {shortName}", () => SyntaxFactory.ParseExpression(handle).WithTriviaFrom(node)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }
}
