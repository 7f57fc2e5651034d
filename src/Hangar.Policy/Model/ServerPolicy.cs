using System.Collections.Immutable;
using Hangar.Policy.Manifests;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Model;

/// <summary>One MCP server deployment of a workspace.</summary>
/// <param name="Name">The server name; also the value of the <c>hangar.dev/server</c> pod label by default.</param>
/// <param name="PodLabels">The labels that select the server's pods.</param>
/// <param name="Manifest">The server's tool manifest, when known.</param>
/// <param name="Rules">Rules declared at the server's scope.</param>
/// <param name="Tools">The tools that have rules or binaries of their own.</param>
public sealed record ServerPolicy(
    string Name,
    ImmutableSortedDictionary<string, string> PodLabels,
    ToolManifest? Manifest,
    ImmutableArray<PolicyRule> Rules,
    ImmutableArray<ToolPolicy> Tools);
