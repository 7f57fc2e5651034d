using Hangar.Policy.Analyzers.Generators;

namespace Hangar.Policy.Analyzers.Manifests;

/// <summary>
/// One <c>*.tools.json</c> file: the server it describes (the file name without <c>.tools.json</c>), its tools,
/// or the reason it cannot be read.
/// </summary>
internal readonly record struct ManifestModel(string Path, string Server, string Identifier, EquatableArray<ToolModel> Tools, string? Error)
{
    /// <summary>True when the file is a readable manifest.</summary>
    public bool IsValid => Error is null;
}
