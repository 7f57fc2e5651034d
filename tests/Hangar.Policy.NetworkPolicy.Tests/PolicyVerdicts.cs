using System.Net;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>
/// What the policy itself says about a connection from a server's pods, at the server's scope: enforced rules of
/// the workspace and server, tool denies and tool allowlists widened to the server, tool allows ignored (they
/// cannot be given to the whole server), audit rules ignored (they never block). Written from the rule
/// semantics, independently of the backend.
/// </summary>
internal sealed class PolicyVerdicts(ServerTarget target)
{
    private readonly List<ResolvedRule> _enforced =
        [.. target.Rules.Concat(target.Tools.SelectMany(t => t.Rules)).Where(r => r.Mode == RuleMode.Enforce)];

    private bool Allowlist => _enforced.Any(r => r.Rule is DefaultDenyEgressRule);

    /// <summary>True when the policy lets the server reach <paramref name="address"/> (not a pod, not own workspace).</summary>
    public bool Allows(IPAddress address, Protocol protocol, int port, bool ownWorkspacePod = false)
    {
        var denied = _enforced.Any(r => r.Rule is EgressDenyRule deny && !(ownWorkspacePod && deny is DenyLateralRule)
            && deny.Ports.Contains(protocol, port) && r.Destinations.Any(d => d.Contains(address)));
        if (denied)
            return false;
        if (!Allowlist)
            return true;
        return target.Rules.Any(r => r.Mode == RuleMode.Enforce && r.Rule is AllowEgressRule allow
            && allow.Ports.Contains(protocol, port) && r.Destinations.Any(d => d.Contains(address)));
    }

    /// <summary>True when an enforced DenyCidr or DenyCorporateNetwork covers the connection (cluster DNS yields to those).</summary>
    public bool ExplicitlyDenies(IPAddress address, Protocol protocol, int port) =>
        _enforced.Any(r => r.Rule is DenyCidrRule or DenyCorporateNetworkRule && ((EgressDenyRule)r.Rule).Ports.Contains(protocol, port)
            && r.Destinations.Any(d => d.Contains(address)));

    /// <summary>True when an enforced DenyCidr or DenyCorporateNetwork of the port overlaps any of <paramref name="ranges"/>.</summary>
    public bool ExplicitDenyMayCover(IEnumerable<IpCidr> ranges, Protocol protocol, int port) =>
        _enforced.Any(r => r.Rule is DenyCidrRule or DenyCorporateNetworkRule && ((EgressDenyRule)r.Rule).Ports.Contains(protocol, port)
            && r.Destinations.Any(d => ranges.Any(p => p.Overlaps(d))));

    /// <summary>Every range any rule of the server names, to sample addresses at their edges.</summary>
    public IEnumerable<IpCidr> Ranges => _enforced.SelectMany(r => r.Destinations);

    /// <summary>Every port range any rule of the server names.</summary>
    public IEnumerable<PortRange> PortRanges => _enforced.SelectMany(r => r.Ports.Ranges);
}
