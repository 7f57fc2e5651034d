namespace Hangar.Policy.Validation;

/// <summary>How serious a <see cref="PolicyDiagnostic"/> is. Any error stops emission.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; changes nothing.</summary>
    Info,
    /// <summary>Probably not what the author meant; objects are still emitted.</summary>
    Warning,
    /// <summary>The policy cannot be compiled as written; nothing is emitted.</summary>
    Error,
}
