using System.Collections.Immutable;

namespace Hangar.Policy.Compilation;

/// <summary>A policy set resolved into server targets, ready for backends.</summary>
/// <param name="Name">The policy set's name.</param>
/// <param name="Targets">One target per server, ordered by workspace then server.</param>
/// <param name="Workspaces">Every workspace with the namespace it maps to, ordered by name.</param>
public sealed record ResolvedPolicySet(string Name, ImmutableArray<ServerTarget> Targets,
    ImmutableSortedDictionary<string, string> Workspaces)
{
    /// <summary>Every rule of every target, each once, sorted by id.</summary>
    public IEnumerable<ResolvedRule> AllRules =>
        Targets.SelectMany(t => t.AllRules).DistinctBy(r => r.Id).OrderBy(r => r.Id);
}
