using System.Collections.Immutable;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Compilation;

/// <summary>
/// What a compilation produced. When any diagnostic is an error, <see cref="Objects"/> and <see cref="Files"/>
/// are empty: nothing partial is ever emitted.
/// </summary>
public sealed record CompilationResult(
    string PolicySet,
    ImmutableArray<EmittedObject> Objects,
    ImmutableArray<EmittedFile> Files,
    CoverageMatrix Coverage,
    ImmutableArray<PolicyDiagnostic> Diagnostics)
{
    /// <summary>True when no diagnostic is an error.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>The errors.</summary>
    public IEnumerable<PolicyDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
