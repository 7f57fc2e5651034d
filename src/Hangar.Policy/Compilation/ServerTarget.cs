using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Compilation;

/// <summary>
/// One MCP server deployment with every rule that applies to it: the workspace's and its own, in that order.
/// Backends compile targets, not the raw policy tree.
/// </summary>
/// <param name="Scope">The server's scope.</param>
/// <param name="Namespace">The Kubernetes namespace of its pods.</param>
/// <param name="PodLabels">The labels that select its pods.</param>
/// <param name="Rules">The workspace's rules, then the server's.</param>
/// <param name="Tools">The tools with rules or binaries of their own.</param>
public sealed record ServerTarget(
    PolicyScope Scope,
    string Namespace,
    ImmutableSortedDictionary<string, string> PodLabels,
    ImmutableArray<ResolvedRule> Rules,
    ImmutableArray<ToolTarget> Tools)
{
    /// <summary>The workspace name.</summary>
    public string Workspace => Scope.Workspace;

    /// <summary>The server name.</summary>
    public string Server => Scope.Server!;

    /// <summary>True when the server is in allowlist mode (a DefaultDenyEgress applies to it).</summary>
    public bool IsAllowlist => Rules.Any(r => r.Rule is DefaultDenyEgressRule);

    /// <summary>The server's rules and every tool's rules.</summary>
    public IEnumerable<ResolvedRule> AllRules => Rules.Concat(Tools.SelectMany(t => t.Rules));
}
