namespace Hangar.Policy.Analyzers.Generators;

/// <summary>A member marked <c>[HangarPolicy]</c>: how to call it and how to name it. Plain strings only.</summary>
/// <param name="Source">The member's dotted name, e.g. <c>Acme.Policies.Workspace</c>.</param>
/// <param name="Call">The C# expression that returns the policy set, fully qualified.</param>
internal readonly record struct PolicyMemberModel(string Source, string Call);
