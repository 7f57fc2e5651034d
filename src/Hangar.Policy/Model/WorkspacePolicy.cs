using System.Collections.Immutable;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Model;

/// <summary>A tenant: by default one Kubernetes namespace, holding MCP servers.</summary>
/// <param name="Name">The workspace name.</param>
/// <param name="Namespace">The Kubernetes namespace of its servers.</param>
/// <param name="Rules">Rules declared for the whole workspace.</param>
/// <param name="Servers">The servers.</param>
public sealed record WorkspacePolicy(string Name, string Namespace, ImmutableArray<PolicyRule> Rules, ImmutableArray<ServerPolicy> Servers);
