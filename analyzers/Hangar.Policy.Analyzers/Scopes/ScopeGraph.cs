using System.Collections.Generic;
using System.Linq;
using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>
/// The scopes and rule calls of one method body (lambdas included): which builder each verb is called on,
/// and how the builders nest. Built from <see cref="IOperation"/> trees only.
/// </summary>
internal sealed class ScopeGraph
{
    private readonly PolicySymbols _symbols;
    private readonly Dictionary<object, ScopeNode?> _nodes = new();
    private readonly Dictionary<ILocalSymbol, IOperation> _locals = new(SymbolEqualityComparer.Default);

    private ScopeGraph(PolicySymbols symbols) => _symbols = symbols;

    /// <summary>Every rule call, in source order.</summary>
    public List<RuleFact> Rules { get; } = new();

    /// <summary>Every <c>Tool("name")</c> call with a constant name, with the server scope it is on.</summary>
    public List<(IArgumentOperation Name, ScopeNode Server)> ToolNames { get; } = new();

    public static ScopeGraph Build(PolicySymbols symbols, IEnumerable<IOperation> blocks)
    {
        var graph = new ScopeGraph(symbols);
        var operations = blocks.SelectMany(b => b.DescendantsAndSelf()).ToList();
        foreach (var declarator in operations.OfType<IVariableDeclaratorOperation>())
        {
            if (declarator.Initializer is { } initializer)
                graph._locals[declarator.Symbol] = initializer.Value;
        }
        foreach (var invocation in operations.OfType<IInvocationOperation>().OrderBy(i => i.Syntax.SpanStart))
            graph.Visit(invocation);
        foreach (var reference in operations.Where(o => o is IParameterReferenceOperation or ILocalReferenceOperation))
            graph.MarkEscape(reference);
        return graph;
    }

    private void Visit(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!_symbols.IsPolicyMethod(method) || Receiver(invocation) is not { } receiver || Resolve(receiver) is not { } scope)
            return;

        if (method.Name == "Audit" && method.Parameters.Length == 0)
            scope.Audit = true;
        else if (method.Name == "RunsAs")
            scope.HasBinaries = true;
        else if (method.Name == "WithToolManifest" && Arguments.Constant(Arguments.Named(invocation, "path")) is string path
                 && ManifestReader.IsManifest(path))
            scope.ManifestServer = ManifestReader.ServerOf(path);
        else if (method.Name == "Tool" && PolicySymbols.Is(method.ContainingType, _symbols.ServerBuilder)
                 && Arguments.Named(invocation, "name") is { } name && Arguments.Constant(name) is string)
            ToolNames.Add((name, scope));
        else if (method.IsExtensionMethod && method.ContainingNamespace.ToDisplayString() == "Hangar.Policy.Building")
        {
            var fact = RuleFacts.Create(invocation, scope);
            scope.Rules.Add(fact);
            Rules.Add(fact);
        }
    }

    // A builder passed to code outside Hangar.Policy (a helper method, a field) may get rules the analyzer never sees.
    private void MarkEscape(IOperation reference)
    {
        if (!_symbols.IsBuilder(reference.Type) || reference.Parent is not IArgumentOperation argument)
            return;
        if (argument.Parent is IInvocationOperation target && _symbols.IsPolicyMethod(target.TargetMethod))
            return;
        if (Resolve(reference) is { } node)
            node.Opaque = true;
    }

    /// <summary>The builder a verb is called on: the instance, or the first argument of an extension method.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
            ? invocation.Arguments[0].Value
            : null);

    /// <summary>The scope a builder-valued operation stands for, or null when the code does not tell.</summary>
    public ScopeNode? Resolve(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        object? key = operation switch
        {
            IParameterReferenceOperation p => p.Parameter,
            ILocalReferenceOperation l => l.Local,
            IInvocationOperation i => i.Syntax,
            _ => null,
        };
        if (key is null)
            return operation is IPropertyReferenceOperation property ? ResolveProperty(property) : null;
        if (_nodes.TryGetValue(key, out var known))
            return known;
        _nodes[key] = null;
        var node = operation switch
        {
            IParameterReferenceOperation p => ForParameter(p),
            ILocalReferenceOperation l => _locals.TryGetValue(l.Local, out var value) ? Resolve(value) : null,
            IInvocationOperation i => ForInvocation(i),
            _ => null,
        };
        _nodes[key] = node;
        return node;
    }

    private ScopeNode? ResolveProperty(IPropertyReferenceOperation property)
    {
        if (property.Instance is null || !_symbols.IsBuilder(property.Type))
            return null;
        var inner = Resolve(property.Instance);
        return property.Property.Name is "Server" or "Workspace" ? inner?.Parent : null;
    }

    private ScopeNode? ForInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!_symbols.IsPolicyMethod(method) || !_symbols.IsBuilder(method.ReturnType))
            return null;
        if (method.IsStatic && !method.IsExtensionMethod)
            return method.Name == "Named" ? new ScopeNode(ScopeLevel.Set, null, null, detached: false) : null;
        var receiver = Receiver(invocation);
        if (receiver is null)
            return null;
        if (SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, receiver.Type?.OriginalDefinition))
            return Resolve(receiver);
        return Level(method.ReturnType) is { } level ? new ScopeNode(level, ScopeName(invocation), Resolve(receiver), false) : null;
    }

    private ScopeNode? ForParameter(IParameterReferenceOperation reference)
    {
        var level = Level(reference.Type);
        if (level is null)
            return null;
        // A lambda parameter of Workspace(name, ws => …), Server(name, s => …) or Tool(name, t => …).
        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is not IAnonymousFunctionOperation lambda
                || !SymbolEqualityComparer.Default.Equals(lambda.Symbol, reference.Parameter.ContainingSymbol))
                continue;
            var outer = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
            if (outer is IArgumentOperation { Parent: IInvocationOperation creator } && _symbols.IsPolicyMethod(creator.TargetMethod)
                && Receiver(creator) is { } receiver)
                return new ScopeNode(level.Value, ScopeName(creator), Resolve(receiver), detached: false);
            break;
        }
        return new ScopeNode(level.Value, null, null, detached: true);
    }

    private static string? ScopeName(IInvocationOperation creator)
    {
        if (Arguments.Constant(Arguments.Named(creator, "name")) is string name)
            return name;
        return null;
    }

    private ScopeLevel? Level(ITypeSymbol? type)
    {
        if (PolicySymbols.Is(type, _symbols.WorkspaceBuilder))
            return ScopeLevel.Workspace;
        if (PolicySymbols.Is(type, _symbols.ServerBuilder))
            return ScopeLevel.Server;
        if (PolicySymbols.Is(type, _symbols.ToolBuilder))
            return ScopeLevel.Tool;
        if (PolicySymbols.Is(type, _symbols.PolicySetBuilder))
            return ScopeLevel.Set;
        return null;
    }
}
