using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hangar.Policy.Analyzers.Generators;

/// <summary>The MSBuild properties the generators read, as an equatable value.</summary>
internal static class GeneratorOptions
{
    /// <summary>The namespace generated types go in when the project sets no root namespace.</summary>
    public const string FallbackNamespace = "Hangar.Policy.Generated";

    /// <summary>The project's root namespace, where <c>McpTools</c> and <c>HangarPolicies</c> are generated.</summary>
    public static IncrementalValueProvider<string> RootNamespace(IncrementalGeneratorInitializationContext context) =>
        context.AnalyzerConfigOptionsProvider
            .Select((options, _) => RootNamespace(options.GlobalOptions))
            .WithTrackingName("RootNamespace");

    /// <summary>The namespace generated types go in, from <c>build_property.RootNamespace</c>.</summary>
    public static string RootNamespace(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.RootNamespace", out var value) && value is not null && value.Trim().Length > 0
            && value.Trim().Split('.').All(SyntaxFacts.IsValidIdentifier)
            ? value.Trim()
            : FallbackNamespace;
}
