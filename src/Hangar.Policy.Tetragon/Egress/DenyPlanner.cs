using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Tetragon.Emission;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>
/// Turns deny rules into connect selectors. Rules that share a binary filter, a mode and ports share one
/// selector whose address list is the union of their destinations.
/// </summary>
internal sealed class DenyPlanner(ServerPlan plan, ConnectHook hook, IReadOnlyList<IpCidr> dnsHosts)
{
    private readonly SortedDictionary<string, Group> _groups = new(StringComparer.Ordinal);

    /// <summary>The cluster DNS addresses <paramref name="rule"/> would block, and which are kept reachable on port 53.</summary>
    public IReadOnlyList<IpCidr> KeptDns(ResolvedRule rule) =>
        rule.Rule is DenyCidrRule ? [] : [.. dnsHosts.Where(d => rule.Destinations.Any(x => x.Contains(d)))];

    /// <summary>Plans <paramref name="rule"/> for the processes <paramref name="binaries"/> selects (null: all).</summary>
    public void Add(ResolvedRule rule, EgressDenyRule deny, MatchBinaries? binaries)
    {
        var kept = KeptDns(rule);
        var denied = AddressRanges.Subtract(rule.Destinations, kept);
        foreach (var ports in PortMatch.Selecting(deny.Ports))
            GroupFor(binaries, rule.Mode, ports, rule).Add(denied, rule);
        foreach (var ports in PortMatch.SelectingAllButDns(deny.Ports))
            GroupFor(binaries, rule.Mode, ports, rule).Add(kept, rule);
    }

    /// <summary>The selectors, in a stable order.</summary>
    public IEnumerable<PlannedSelector> Selectors()
    {
        foreach (var group in _groups.Values.Where(g => g.Destinations.Count > 0))
        {
            var action = group.Mode == RuleMode.Enforce ? hook.Block : MatchAction.Post;
            var match = new ConnectMatch([.. group.Destinations], Outside: false, group.Ports);
            var selector = hook.Selector(match, group.Binaries, action, plan.Supports(TetragonFeatures.IPv4MappedValues));
            if (selector is not null)
                yield return new PlannedSelector(EgressFamily.Name, hook.Call, group.Mode, selector, [.. group.Rules.OrderBy(r => r.Id)]);
        }
    }

    // A selector's events carry the ids of its rules as tags, and a hook takes sixteen tags: past that, rules
    // that could share a selector get another one.
    private Group GroupFor(MatchBinaries? binaries, RuleMode mode, PortMatch ports, ResolvedRule rule)
    {
        for (var bucket = 0; ; bucket++)
        {
            var key = $"{mode}|{binaries?.Operator}|{string.Join(",", binaries?.Paths ?? [])}|{ports.Key}|{bucket:D4}";
            if (!_groups.TryGetValue(key, out var group))
                _groups[key] = group = new Group(binaries, mode, ports);
            if (group.Rules.Contains(rule) || group.Rules.Count < PolicyPacker.MaxTags)
                return group;
        }
    }

    private sealed class Group(MatchBinaries? binaries, RuleMode mode, PortMatch ports)
    {
        public MatchBinaries? Binaries { get; } = binaries;
        public RuleMode Mode { get; } = mode;
        public PortMatch Ports { get; } = ports;
        public SortedSet<IpCidr> Destinations { get; } = [];
        public HashSet<ResolvedRule> Rules { get; } = [];

        public void Add(IEnumerable<IpCidr> destinations, ResolvedRule rule)
        {
            var before = Destinations.Count;
            Destinations.UnionWith(destinations);
            if (Destinations.Count > before || destinations.Any())
                Rules.Add(rule);
        }
    }
}
