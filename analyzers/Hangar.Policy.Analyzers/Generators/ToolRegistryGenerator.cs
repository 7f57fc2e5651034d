using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hangar.Policy.Analyzers.Diagnostics;
using Hangar.Policy.Analyzers.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hangar.Policy.Analyzers.Generators;

/// <summary>
/// Turns every <c>*.tools.json</c> AdditionalFile (an MCP <c>tools/list</c> result) into typed tool handles:
/// <c>McpTools.Fetch.Fetch</c>, usable in <c>.Tool(...)</c>, carrying the tool's annotations.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ToolRegistryGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline's steps, in order.</summary>
    public static readonly ImmutableArray<string> TrackingNames =
        ImmutableArray.Create("ManifestFiles", "Manifests", "ManifestList", "RootNamespace");

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var manifests = context.AdditionalTextsProvider
            .Where(static file => ManifestReader.IsManifest(file.Path))
            .WithTrackingName("ManifestFiles")
            .Select(static (file, token) => ManifestReader.Read(file.Path, file.GetText(token)?.ToString()))
            .WithTrackingName("Manifests");

        var list = manifests.Collect()
            .Select(static (found, _) => new EquatableArray<ManifestModel>(Distinct(found)))
            .WithTrackingName("ManifestList");

        context.RegisterSourceOutput(manifests, static (output, manifest) =>
        {
            if (!manifest.IsValid)
            {
                var location = Location.Create(manifest.Path, new TextSpan(0, 0), new LinePositionSpan(default, default));
                output.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidToolManifest, location, manifest.Path, manifest.Error));
            }
        });
        context.RegisterSourceOutput(list.Combine(GeneratorOptions.RootNamespace(context)), static (output, input) =>
        {
            if (input.Left.Length > 0)
                output.AddSource("McpTools.g.cs", ToolRegistrySource.Render(input.Left, input.Right));
        });
    }

    // One class per server: the first valid manifest of a server name wins, in path order.
    private static ImmutableArray<ManifestModel> Distinct(ImmutableArray<ManifestModel> found)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        return found.Where(m => m.IsValid).OrderBy(m => m.Path, System.StringComparer.Ordinal)
            .Where(m => seen.Add(m.Identifier)).OrderBy(m => m.Identifier, System.StringComparer.Ordinal).ToImmutableArray();
    }
}
