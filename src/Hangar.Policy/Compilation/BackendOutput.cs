using Hangar.Policy.Output;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Compilation;

/// <summary>What one backend produced: objects, extra files, coverage entries and diagnostics.</summary>
public sealed class BackendOutput
{
    /// <summary>Kubernetes objects to apply.</summary>
    public List<EmittedObject> Objects { get; } = [];

    /// <summary>Files that are not Kubernetes objects (e.g. a Falco rules file).</summary>
    public List<EmittedFile> Files { get; } = [];

    /// <summary>How each rule is covered; one entry per rule (the compiler merges repeats, keeping the weakest).</summary>
    public List<CoverageEntry> Coverage { get; } = [];

    /// <summary>Problems found; an error stops all emission.</summary>
    public List<PolicyDiagnostic> Diagnostics { get; } = [];
}
