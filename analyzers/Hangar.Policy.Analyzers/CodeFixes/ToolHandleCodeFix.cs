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
/// HANGAR0301 and HANGAR0303: replaces a tool-name string with the generated typed handle, the listed tool
/// itself or, for a name the manifest does not list, the nearest listed one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ToolHandleCodeFix)), Shared]
public sealed class ToolHandleCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnknownTool, DiagnosticIds.ToolNameString);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ScopeAnalyzer.HandleProperty, out var handle) || handle is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
                continue;
            var shortName = handle.Substring(handle.IndexOf("McpTools.", System.StringComparison.Ordinal));
            context.RegisterCodeFix(CodeAction.Create($"Use {shortName}", _ =>
            {
                var replacement = SyntaxFactory.ParseExpression(handle).WithTriviaFrom(literal)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
            }, equivalenceKey: nameof(ToolHandleCodeFix)), diagnostic);
        }
    }
}
