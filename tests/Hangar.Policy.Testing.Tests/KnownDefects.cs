using System.Net;
using Hangar.Policy.Compilation;

namespace Hangar.Policy.Testing.Tests;

/// <summary>
/// Disagreements the differential tests found in the backends and that are not fixed yet. Each is narrow (one
/// backend, one kind of violation, one kind of rule and destination) and has a skipped regression test naming it
/// in <see cref="KnownDefectTests"/>; the differential run excludes only what a defect describes, nothing more.
/// Remove an entry when its fix lands, and un-skip its test.
/// </summary>
internal static class KnownDefects
{
    public sealed record Defect(string Name, Func<PolicySimulator, SimulationReport, string, bool> Covers);

    /// <summary>Tetragon reports DenyLateral as enforced, yet it denies same-workspace pods too (stricter: widened).</summary>
    public static readonly Defect TetragonLateralDeniesOwnWorkspace = new(
        "tetragon reports DenyLateral as enforced although it also blocks pods of the source's own workspace",
        (simulator, report, violation) => violation.StartsWith("tetragon blocks what the policy lets through", StringComparison.Ordinal)
            && report.Event.Pod is { } pod && pod.Namespace == simulator.SourceOf(report.Event.Source).Namespace
            && simulator.CoverageOfServer(report.Event.Source).Any(e => e.RuleId.Value.EndsWith("/deny-lateral", StringComparison.Ordinal)));

    /// <summary>Tetragon keeps cluster DNS only at the service address; DNS pods reached by pod address are blocked.</summary>
    public static readonly Defect TetragonDnsOnlyByServiceAddress = new(
        "tetragon keeps cluster DNS at the service address only, so DNS pods reached directly are blocked while coverage says enforced",
        (_, report, violation) => violation.StartsWith("tetragon blocks what the policy lets through", StringComparison.Ordinal)
            && report.Event.Port == 53 && report.Event.Pod is { Namespace: "kube-system" } pod && pod.Labels.ContainsKey("k8s-app")
            && !report.Event.WireAddress.Equals(IPAddress.Parse("10.96.0.10")));

    /// <summary>
    /// Tetragon sees the address passed to connect(), before Service DNAT, so DenyLateral does not stop a
    /// connection to a Service address fronting another workspace's pods, while coverage says enforced.
    /// </summary>
    public static readonly Defect TetragonLateralMissesServices = new(
        "tetragon reports DenyLateral as enforced although a Service address fronting other workspaces' pods is not denied",
        (_, report, violation) => (violation.StartsWith("tetragon is more permissive", StringComparison.Ordinal)
                || violation.StartsWith("tetragon does not report", StringComparison.Ordinal))
            && report.Model.RuleIds.Any(id => id.EndsWith("/deny-lateral", StringComparison.Ordinal))
            && report.Event.Pod?.Address is not null
            && !PolicyGeneratorsCluster.PodCidrs.Any(c => c.Contains(report.Event.WireAddress)));

    private static ClusterFacts PolicyGeneratorsCluster => TestSupport.PolicyGenerators.Cluster;

    public static IReadOnlyList<Defect> All { get; } =
    [
        TetragonLateralDeniesOwnWorkspace, TetragonDnsOnlyByServiceAddress,
        TetragonLateralMissesServices,
    ];

    public static bool Explains(PolicySimulator simulator, SimulationReport report, string violation) =>
        All.Any(d => d.Covers(simulator, report, violation));
}
