using System;
using System.Collections.Immutable;
using System.Linq;
using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Diagnostics;
using Hangar.Policy.Analyzers.Manifests;
using Microsoft.CodeAnalysis;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>HANGAR0301 and HANGAR0303: tool names checked against the server's <c>*.tools.json</c> manifest.</summary>
internal static class ToolChecks
{
    public static void Report(ScopeGraph graph, ManifestIndex manifests, string rootNamespace, Action<Diagnostic> report)
    {
        foreach (var (argument, server) in graph.ToolNames)
        {
            var serverName = server.ManifestServer ?? server.Name;
            if (serverName is null || !manifests.TryGet(serverName, out var manifest) || Arguments.Constant(argument) is not string name)
                continue;
            var location = argument.Value.Syntax.GetLocation();
            var listed = manifest.Tools.FirstOrDefault(t => t.Name == name);
            if (listed.Name is not null)
            {
                report(Diagnostic.Create(Descriptors.ToolNameString, location, Handle(listed), name, Display(manifest, listed)));
                continue;
            }
            var known = string.Join(", ", manifest.Tools.Select(t => t.Name).OrderBy(t => t, StringComparer.Ordinal).Take(12));
            var nearest = ManifestIndex.Nearest(manifest, name);
            var properties = nearest is { } n ? Handle(n) : ImmutableDictionary<string, string?>.Empty;
            report(Diagnostic.Create(Descriptors.UnknownTool, location, properties, $"'{manifest.Server}.tools.json'", name, known));

            ImmutableDictionary<string, string?> Handle(ToolModel tool) =>
                ImmutableDictionary<string, string?>.Empty
                    .Add(ScopeAnalyzer.HandleProperty, $"global::{rootNamespace}.{Display(manifest, tool)}");
        }
    }

    private static string Display(ManifestModel manifest, ToolModel tool) => $"McpTools.{manifest.Identifier}.{tool.Identifier}";
}
