using Hangar.Policy.Validation;
using NuGet.Versioning;

namespace Hangar.Policy.Compilation;

/// <summary>What a backend compiles: the resolved policy, the cluster facts and the engine version to target.</summary>
/// <param name="Policy">The policy set, resolved into per-server targets.</param>
/// <param name="Cluster">Facts about the cluster.</param>
/// <param name="EngineVersion">The engine version to target.</param>
public sealed record BackendContext(ResolvedPolicySet Policy, ClusterFacts Cluster, NuGetVersion EngineVersion)
{
    /// <summary>Builds a diagnostic about <paramref name="subject"/> in this policy set.</summary>
    public PolicyDiagnostic Diagnostic(string id, DiagnosticSeverity severity, string subject, string problem, string fix) =>
        new(id, severity, Policy.Name, subject, problem, fix);
}
