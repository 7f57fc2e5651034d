using Microsoft.CodeAnalysis;

namespace Hangar.Policy.Analyzers.Generators;

/// <summary>Decides whether a member marked <c>[HangarPolicy]</c> can be listed, and why not.</summary>
internal static class PolicyMembers
{
    private const string PolicySetName = "Hangar.Policy.Model.PolicySet";

    /// <summary>The model of a listable member, or null (the analyzer reports why).</summary>
    public static PolicyMemberModel? Model(ISymbol symbol)
    {
        if (Problem(symbol) is not null)
            return null;
        var type = symbol.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var call = symbol is IMethodSymbol ? $"{type}.{symbol.Name}()" : $"{type}.{symbol.Name}";
        var source = $"{symbol.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}.{symbol.Name}";
        return new PolicyMemberModel(source, call);
    }

    /// <summary>What makes the member unusable as a policy, or null when it is fine.</summary>
    public static string? Problem(ISymbol symbol)
    {
        if (!symbol.IsStatic)
            return "is not static";
        var returns = symbol switch
        {
            IMethodSymbol method when method.Parameters.Length > 0 || method.IsGenericMethod => null,
            IMethodSymbol method => method.ReturnType,
            IPropertySymbol { GetMethod: not null, IsIndexer: false } property => property.Type,
            _ => null,
        };
        if (returns is null)
            return symbol is IMethodSymbol ? "takes parameters or is generic" : "has no getter";
        if (returns.ToDisplayString() != PolicySetName)
            return $"returns {returns.ToDisplayString()}, not PolicySet";
        for (ISymbol? s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (s.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                return "is not visible to the rest of its assembly (private or protected)";
            if (s is INamedTypeSymbol { IsGenericType: true })
                return "is declared in a generic type";
        }
        return null;
    }
}
