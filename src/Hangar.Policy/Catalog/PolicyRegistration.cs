using Hangar.Policy.Model;

namespace Hangar.Policy;

/// <summary>One policy of the catalog: where it is declared and how to build it.</summary>
/// <param name="Source">The declaring member, e.g. <c>Acme.Policies.Workspace</c>, for messages and listings.</param>
/// <param name="Build">Builds the policy set; called each time the set is needed.</param>
public sealed record PolicyRegistration(string Source, Func<PolicySet> Build);
