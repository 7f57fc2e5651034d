using Microsoft.CodeAnalysis;

namespace Hangar.Policy.Analyzers.Analysis;

/// <summary>The Hangar.Policy types the analyzers look for, resolved once per compilation.</summary>
internal sealed class PolicySymbols
{
    private PolicySymbols(Compilation compilation, INamedTypeSymbol policySet)
    {
        PolicySet = policySet;
        PolicySetBuilder = compilation.GetTypeByMetadataName("Hangar.Policy.Building.PolicySetBuilder");
        ScopeBuilder = compilation.GetTypeByMetadataName("Hangar.Policy.Building.ScopeBuilder`1");
        WorkspaceBuilder = compilation.GetTypeByMetadataName("Hangar.Policy.Building.WorkspaceBuilder");
        ServerBuilder = compilation.GetTypeByMetadataName("Hangar.Policy.Building.ServerBuilder");
        ToolBuilder = compilation.GetTypeByMetadataName("Hangar.Policy.Building.ToolBuilder");
        CidrRules = compilation.GetTypeByMetadataName("Hangar.Policy.Building.CidrRules");
        EgressRules = compilation.GetTypeByMetadataName("Hangar.Policy.Building.EgressRules");
        Ports = compilation.GetTypeByMetadataName("Hangar.Policy.Model.Ports");
        PortRange = compilation.GetTypeByMetadataName("Hangar.Policy.Model.PortRange");
        PortSet = compilation.GetTypeByMetadataName("Hangar.Policy.Model.PortSet");
        HangarPolicyAttribute = compilation.GetTypeByMetadataName("Hangar.Policy.HangarPolicyAttribute");
        McpToolHandle = compilation.GetTypeByMetadataName("Hangar.Policy.Manifests.McpToolHandle");
        Assembly = policySet.ContainingAssembly;
    }

    public IAssemblySymbol Assembly { get; }
    public INamedTypeSymbol PolicySet { get; }
    public INamedTypeSymbol? PolicySetBuilder { get; }
    public INamedTypeSymbol? ScopeBuilder { get; }
    public INamedTypeSymbol? WorkspaceBuilder { get; }
    public INamedTypeSymbol? ServerBuilder { get; }
    public INamedTypeSymbol? ToolBuilder { get; }
    public INamedTypeSymbol? CidrRules { get; }
    public INamedTypeSymbol? EgressRules { get; }
    public INamedTypeSymbol? Ports { get; }
    public INamedTypeSymbol? PortRange { get; }
    public INamedTypeSymbol? PortSet { get; }
    public INamedTypeSymbol? HangarPolicyAttribute { get; }
    public INamedTypeSymbol? McpToolHandle { get; }

    /// <summary>The symbols, or null when the compilation does not reference Hangar.Policy.</summary>
    public static PolicySymbols? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Hangar.Policy.Model.PolicySet") is { } set ? new PolicySymbols(compilation, set) : null;

    /// <summary>True for a method declared by the Hangar.Policy assembly.</summary>
    public bool IsPolicyMethod(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, Assembly);

    /// <summary>True for one of the scope builders (workspace, server, tool) or the policy-set builder.</summary>
    public bool IsBuilder(ITypeSymbol? type) =>
        type is not null && (Is(type, PolicySetBuilder) || Is(type, WorkspaceBuilder) || Is(type, ServerBuilder) || Is(type, ToolBuilder));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);
}
