using System.Collections.Immutable;
using Hangar.Policy.Manifests;
using Hangar.Policy.Model;

namespace Hangar.Policy.Compilation;

/// <summary>A tool with rules of its own.</summary>
/// <param name="Scope">The tool's scope.</param>
/// <param name="Binaries">The executables it runs as; empty when unknown (its rules then widen to the server).</param>
/// <param name="Rules">The rules declared at the tool's scope (the server's rules apply too).</param>
/// <param name="Annotations">The tool's annotations from the server's manifest, when known.</param>
public sealed record ToolTarget(PolicyScope Scope, ImmutableArray<string> Binaries,
    ImmutableArray<ResolvedRule> Rules, ToolAnnotations? Annotations)
{
    /// <summary>The tool's name.</summary>
    public string Name => Scope.Tool!;
}
