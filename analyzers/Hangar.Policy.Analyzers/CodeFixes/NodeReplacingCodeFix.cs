using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Hangar.Policy.Analyzers.CodeFixes;

/// <summary>
/// A code fix that replaces the syntax node a diagnostic points at with one new node. Derived fixes say which
/// diagnostics they fix and, per diagnostic, the action's title and the replacement.
/// </summary>
/// <typeparam name="TNode">The kind of node the diagnostics point at; other nodes are left alone.</typeparam>
public abstract class NodeReplacingCodeFix<TNode> : CodeFixProvider where TNode : SyntaxNode
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TNode node)
                continue;
            var fix = Plan(diagnostic, node);
            if (fix is not { } planned)
                continue;
            context.RegisterCodeFix(CodeAction.Create(planned.Title, _ =>
                    Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, planned.Replacement()))),
                equivalenceKey: GetType().Name), diagnostic);
        }
    }

    /// <summary>
    /// The fix for <paramref name="diagnostic"/> at <paramref name="node"/>: the action's title and the replacement
    /// node, built only when the action is applied; or null when the diagnostic carries nothing to fix with.
    /// </summary>
    protected abstract (string Title, Func<SyntaxNode> Replacement)? Plan(Diagnostic diagnostic, TNode node);
}
