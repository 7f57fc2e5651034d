using NuGet.Versioning;

namespace Hangar.Policy.Compilation;

/// <summary>A construct of an engine and the engine versions that accept it.</summary>
/// <param name="Name">A short name, e.g. <c>ipv4-mapped-cidrs</c>.</param>
/// <param name="Versions">The versions that have it.</param>
/// <param name="Description">What it is, for messages and docs.</param>
public sealed record EngineFeature(string Name, VersionRange Versions, string Description);
