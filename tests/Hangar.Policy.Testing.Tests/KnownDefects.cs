using Hangar.Policy.Compilation;
using Hangar.Policy.Testing.Events;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Tests;

/// <summary>
/// Disagreements the differential tests found in the backends and that are not fixed yet. Each is narrow (one
/// backend, one kind of violation, one kind of rule and destination) and has a skipped regression test naming it
/// in <see cref="KnownDefectTests"/>; the differential run excludes only what a defect describes, nothing more.
/// Remove an entry when its fix lands, and un-skip its test.
/// </summary>
internal static class KnownDefects
{
    public sealed record Defect(string Name, Func<PolicySimulator, VerdictReport, string, bool> Covers)
    {
        /// <summary>A defect seen on connects only.</summary>
        public Defect(string name, Func<PolicySimulator, SimulationReport, string, bool> covers)
            : this(name, (simulator, report, violation) => report is SimulationReport connect && covers(simulator, connect, violation))
        {
        }
    }

    /// <summary>
    /// Falco sees the address passed to connect(), before Service DNAT, so its DenyLateral rule (pod ranges only)
    /// does not report a connection to a Service address fronting another workspace's pods, while coverage says
    /// detected.
    /// </summary>
    public static readonly Defect FalcoLateralMissesServices = new(
        "falco reports DenyLateral as detected although a connection to a Service fronting other workspaces' pods is not reported",
        (_, report, violation) => violation.StartsWith("falco does not report", StringComparison.Ordinal)
            && report.Model.RuleIds.Any(id => id.EndsWith("/deny-lateral", StringComparison.Ordinal))
            && report.Event.Pod?.Address is not null
            && !PolicyGeneratorsCluster.PodCidrs.Any(c => c.Contains(report.Event.WireAddress)));

    /// <summary>
    /// Falco's rules match SCTP ports with <c>fd.l4proto = sctp</c>, a value libsinsp never reports (it knows tcp,
    /// udp, icmp and raw), so an SCTP connection a rule covers is not reported while coverage says detected.
    /// </summary>
    public static readonly Defect FalcoSctpNeverMatches = new(
        "falco matches SCTP ports with fd.l4proto = sctp, which never holds, while coverage says detected",
        (_, report, violation) => violation.StartsWith("falco does not report", StringComparison.Ordinal)
            && report.Event.Protocol == Model.Protocol.Sctp);

    /// <summary>
    /// NetworkPolicy drops its cluster DNS peer when any DenyCidr covers port 53, even one of the other address
    /// family (::/0), so DNS pods reached by their IPv4 address are blocked while coverage says enforced.
    /// </summary>
    public static readonly Defect NetworkPolicyDnsDroppedByOtherFamilyDeny = new(
        "networkpolicy drops the cluster DNS peer for a DenyCidr on port 53 that does not cover the DNS pods' addresses",
        (simulator, report, violation) =>
            violation.StartsWith("networkpolicy blocks what the policy lets through", StringComparison.Ordinal)
            && report.Event.Port == 53 && report.Event.Pod is { Namespace: "kube-system" }
            && simulator.CoverageOfServer(report.Event.Source).Any(e => e.RuleId.Value.Contains("/deny-cidr-", StringComparison.Ordinal)));

    /// <summary>
    /// NetworkPolicy reports DenyLateral as enforced, yet with an allow covering the pod range it still blocks pods of
    /// the source's own workspace (stricter: widened).
    /// </summary>
    public static readonly Defect NetworkPolicyLateralDeniesOwnWorkspace = new(
        "networkpolicy reports DenyLateral as enforced although it also blocks pods of the source's own workspace",
        (simulator, report, violation) =>
            violation.StartsWith("networkpolicy blocks what the policy lets through", StringComparison.Ordinal)
            && report.Event.Pod is { } pod && pod.Namespace == simulator.SourceOf(report.Event.Source).Namespace
            && simulator.CoverageOfServer(report.Event.Source)
                .Any(e => e.RuleId.Value.EndsWith("/deny-lateral", StringComparison.Ordinal)));

    private static ClusterFacts PolicyGeneratorsCluster => TestSupport.PolicyGenerators.Cluster;

    public static IReadOnlyList<Defect> All { get; } =
    [
        FalcoLateralMissesServices,
        FalcoSctpNeverMatches, NetworkPolicyDnsDroppedByOtherFamilyDeny,
        NetworkPolicyLateralDeniesOwnWorkspace,
    ];

    public static bool Explains(PolicySimulator simulator, VerdictReport report, string violation) =>
        All.Any(d => d.Covers(simulator, report, violation));
}
