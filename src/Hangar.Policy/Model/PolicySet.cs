using System.Collections.Immutable;
using Hangar.Policy.Building;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Model;

/// <summary>
/// A validated, immutable set of workspace policies: the input of <see cref="Compilation.PolicyCompiler"/>.
/// </summary>
/// <param name="Name">The set's name; emitted objects carry it as the <c>hangar.dev/policy-set</c> label.</param>
/// <param name="Workspaces">The workspaces.</param>
public sealed record PolicySet(string Name, ImmutableArray<WorkspacePolicy> Workspaces)
{
    /// <summary>Starts a policy set. Its name must be a valid Kubernetes label value.</summary>
    public static PolicySetBuilder Named(string name) => new(name);

    /// <summary>Every rule of the set, in declaration order (workspace, then servers, then tools).</summary>
    public IEnumerable<PolicyRule> AllRules =>
        Workspaces.SelectMany(w => w.Rules.Concat(w.Servers.SelectMany(s => s.Rules.Concat(s.Tools.SelectMany(t => t.Rules)))));
}
