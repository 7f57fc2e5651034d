using System.Collections.Immutable;
using System.Net;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// What the policy itself says about an event, from the <see cref="PolicySet"/> alone: rules inherit downward
/// (workspace, server, tool), a deny always wins over an allow, allowlist mode blocks what no allow lets
/// through but keeps cluster DNS, and an audit rule never blocks.
/// </summary>
/// <remarks>
/// An IPv4-mapped address is judged as the IPv4 address it maps. A connection on port 53 to cluster DNS (the
/// DNS pods, the DNS service address, or the node-local DNS cache) is kept by allowlist mode, by
/// DenyClusterInternal and by DenyLateral; the node-local cache is also kept by DenyCloudMetadata. DenyLateral
/// spares pods of the source's own workspace namespace. A deny matches the address passed to connect() and, for a
/// Service address, the address of the pod it reaches (deny wins either way).
/// </remarks>
/// <param name="set">The policy set.</param>
/// <param name="facts">The cluster facts the set was compiled with.</param>
public sealed class ModelEvaluator(PolicySet set, ClusterFacts facts)
{
    /// <summary>The name of the model's verdicts.</summary>
    public const string Judge = "model";

    /// <summary>The rules that apply to <paramref name="source"/>: its workspace's, its server's and its tool's.</summary>
    public IReadOnlyList<PolicyRule> RulesFor(EventSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var workspace = set.Workspaces.FirstOrDefault(w => w.Name == source.Workspace)
            ?? throw new ArgumentException($"the policy set '{set.Name}' has no workspace '{source.Workspace}'", nameof(source));
        var server = workspace.Servers.FirstOrDefault(s => s.Name == source.Server)
            ?? throw new ArgumentException($"workspace '{source.Workspace}' has no server '{source.Server}'", nameof(source));
        var tool = ToolOf(server, source);
        return [.. workspace.Rules, .. server.Rules, .. tool?.Rules ?? []];
    }

    /// <summary>The model's verdict on <paramref name="connect"/>.</summary>
    public Verdict Evaluate(ConnectEvent connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        var rules = RulesFor(connect.Source);
        var address = connect.WireAddress;
        var isDns = IsClusterDns(connect, address);

        var denies = rules.OfType<EgressDenyRule>().Where(d => Denies(d, connect, address, isDns)).ToList();
        var enforcedDenies = denies.Where(d => d.Mode == RuleMode.Enforce).ToList();
        if (enforcedDenies.Count > 0)
            return Verdict(Outcome.Blocked, enforcedDenies, $"denied by {Describe(enforcedDenies)}; a deny always wins");

        var allowlists = rules.OfType<DefaultDenyEgressRule>().ToList();
        var allows = rules.OfType<AllowEgressRule>().Where(a => Allows(a, connect, address)).ToList();
        if (allowlists.Count > 0 && allows.Count == 0 && !isDns)
        {
            var enforced = allowlists.Where(a => a.Mode == RuleMode.Enforce).ToList();
            if (enforced.Count > 0)
                return Verdict(Outcome.Blocked, enforced, "allowlist mode and no allow rule matches");
            return Verdict(Outcome.DetectedOnly, [.. allowlists, .. denies], "allowlist mode in audit: reported, not blocked");
        }

        if (denies.Count > 0)
            return Verdict(Outcome.DetectedOnly, denies, $"matched by {Describe(denies)} in audit mode, which never blocks");
        if (allowlists.Count > 0)
        {
            return Verdict(Outcome.Allowed, allows,
                allows.Count > 0 ? $"allowed by {Describe(allows)}" : "cluster DNS is kept in allowlist mode");
        }
        return Verdict(Outcome.Allowed, [], "no rule denies it");
    }

    /// <summary>
    /// The model's verdict on a process event (exec, file open, capability, socket, system call), from the
    /// process-level rules that apply to its source.
    /// </summary>
    public Verdict Evaluate(ProcessEvent processEvent)
    {
        ArgumentNullException.ThrowIfNull(processEvent);
        return ProcessRuleModel.Evaluate(processEvent, RulesFor(processEvent.Source));
    }

    private static ToolPolicy? ToolOf(ServerPolicy server, EventSource source)
    {
        if (source.Tool is not null)
        {
            return server.Tools.FirstOrDefault(t => t.Name == source.Tool)
                ?? throw new ArgumentException($"server '{source.Workspace}/{source.Server}' declares no tool '{source.Tool}'",
                    nameof(source));
        }
        return source.Binary is null ? null : server.Tools.FirstOrDefault(t => t.Binaries.Contains(source.Binary, StringComparer.Ordinal));
    }

    private bool Denies(EgressDenyRule deny, ConnectEvent connect, IPAddress address, bool isDns)
    {
        if (!deny.Ports.Contains(connect.Protocol, connect.Port))
            return false;
        if (isDns && deny is DenyClusterInternalRule or DenyLateralRule)
            return false;
        if (isDns && deny is DenyCloudMetadataRule && facts.NodeLocalDns is { } local && local.Contains(address))
            return false;
        if (deny is DenyLateralRule && connect.Pod is { } pod && pod.Namespace == NamespaceOf(connect.Source.Workspace))
            return false;

        // A Service address reaches a pod after DNAT: a deny of either address denies the connection.
        var destinations = PolicyResolver.Destinations(deny, facts, set.Name, diagnostics: null).ToList();
        var podAddress = connect.Pod?.Address;
        return destinations.Any(c => c.Contains(address) || (podAddress is not null && c.Contains(podAddress)));
    }

    private static bool Allows(AllowEgressRule allow, ConnectEvent connect, IPAddress address)
    {
        if (!allow.Ports.Contains(connect.Protocol, connect.Port))
            return false;
        if (allow.Destination.Hostname is { } host)
            return connect.Hostname is { } name && HostMatches(host, name);
        return allow.Destination.Cidrs.Any(c => c.Contains(address));
    }

    private static bool HostMatches(string pattern, string name) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);

    private bool IsClusterDns(ConnectEvent connect, IPAddress address)
    {
        if (connect.Port != 53 || connect.Protocol == Protocol.Sctp)
            return false;
        if (facts.NodeLocalDns is { } local && local.Contains(address))
            return true;
        if (facts.Dns is not { } dns)
            return false;
        if (dns.ServiceAddress is { } service && service.Contains(address))
            return true;
        return connect.Pod is { } pod && pod.Namespace == dns.Namespace
            && dns.PodLabels.All(l => pod.Labels.GetValueOrDefault(l.Key) == l.Value);
    }

    private string NamespaceOf(string workspace) => set.Workspaces.First(w => w.Name == workspace).Namespace;

    private static string Describe(IEnumerable<PolicyRule> rules) => string.Join(", ", rules.Select(r => $"'{r.Describe()}'"));

    private static Verdict Verdict(Outcome outcome, IEnumerable<PolicyRule> rules, string reason) =>
        new(Judge, outcome, [.. rules.Select(r => r.Id.Value).Distinct().Order(StringComparer.Ordinal)], [], reason);
}
