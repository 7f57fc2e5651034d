namespace Hangar.Policy.Analyzers.Manifests;

/// <summary>One tool of a manifest, as the generator and analyzers need it: plain, equatable values only.</summary>
internal readonly record struct ToolModel(
    string Name, string Identifier, bool? ReadOnly, bool? Destructive, bool? Idempotent, bool? OpenWorld);
