using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>
/// Turns an allowlist (DefaultDenyEgress with its allows) into connect selectors that all block: one for every
/// destination outside the allowed ranges, and for port-restricted ranges one per way a port can fall outside.
/// Every selector blocks, so their order and grouping cannot let anything through.
/// </summary>
internal static class AllowlistPlanner
{
    /// <summary>An allowed range and the ports allowed on it.</summary>
    public sealed record Allowed(IpCidr Range, PortSet Ports);

    /// <summary>
    /// Plans the allowlist of the processes <paramref name="binaries"/> selects (null: all). Events carry the id of
    /// <paramref name="allowlistSwitch"/>, the rule that blocks; the allows are named in the annotation.
    /// </summary>
    public static IEnumerable<PlannedSelector> Plan(ServerPlan plan, ConnectHook hook, MatchBinaries? binaries,
        ResolvedRule allowlistSwitch, ImmutableArray<ResolvedRule> allows, IReadOnlyList<Allowed> allowed)
    {
        var mode = allowlistSwitch.Mode;
        var action = mode == RuleMode.Enforce ? hook.Block : MatchAction.Post;
        var mapped = plan.Supports(TetragonFeatures.IPv4MappedValues);

        // The engine matches an IPv6 socket's ::ffff:a.b.c.d against IPv6 values, so an IPv6 allow such as ::/0
        // would admit every IPv4 address. Its mapped part is cut out; the IPv4 allows' own mapped forms (added when
        // rendered, v1.5.0 and later) admit exactly the IPv4 destinations the allowlist admits.
        allowed = [.. allowed.SelectMany(a => AddressRanges.WithoutIPv4Mapped(a.Range).Select(r => a with { Range = r }))];
        var ranges = allowed.Select(a => a.Range).Distinct().Order().ToList();

        var outside = new ConnectMatch([.. ranges], Outside: true, PortMatch.Any);
        yield return Planned(hook.Selector(outside, binaries, action, mapped)!);

        // A range allows the ports of every allow that contains it; a narrower range with other ports is cut out
        // of it and gets selectors of its own.
        var effective = ranges.ToDictionary(r => r,
            r => allowed.Where(a => a.Range.Contains(r)).Select(a => a.Ports).Aggregate((x, y) => x.And(y)));
        var regions = new SortedDictionary<string, (PortSet Ports, List<IpCidr> Ranges)>(StringComparer.Ordinal);
        foreach (var range in ranges.Where(r => !effective[r].IsAny))
        {
            var inner = ranges.Where(o => !o.Equals(range) && range.Contains(o) && !effective[o].Equals(effective[range]));
            var key = effective[range].ToString();
            if (!regions.TryGetValue(key, out var region))
                regions[key] = region = (effective[range], []);
            region.Ranges.AddRange(AddressRanges.Subtract([range], inner));
        }

        foreach (var (ports, regionRanges) in regions.Values)
        {
            foreach (var outsidePorts in PortMatch.SelectingOutside(ports))
            {
                var selector = hook.Selector(new ConnectMatch([.. regionRanges], Outside: false, outsidePorts), binaries, action, mapped);
                if (selector is not null)
                    yield return Planned(selector);
            }
        }

        PlannedSelector Planned(HookSelector selector) =>
            new(EgressFamily.Name, hook.Call, mode, selector, [allowlistSwitch], allows);
    }
}
