using System.Net;
using System.Numerics;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// What the policy says about a connection, computed from the rules alone: a deny wins; in allowlist mode only
/// allowed destinations and cluster DNS on port 53 pass; tool rules apply to the tool's binaries, or to the whole
/// server when it names none; a tool's allow without binaries is not applied; lateral denies the service ranges too.
/// </summary>
internal static class EgressOracle
{
    public static bool Blocks(ServerTarget server, ClusterFacts facts, Connection c)
    {
        var dns = new[] { facts.Dns?.ServiceAddress, facts.NodeLocalDns }.OfType<IpCidr>();
        var isDns = dns.Any(d => d.Contains(c.Destination)) && c.Protocol is Protocol.Tcp or Protocol.Udp && c.Port == 53;
        var tools = server.Tools.Where(t => t.Binaries.IsEmpty || t.Binaries.Contains(c.Binary)).ToList();
        var rules = server.Rules.Concat(tools.SelectMany(t => t.Rules)).Where(r => r.Mode == RuleMode.Enforce).ToList();

        // Tetragon sees Service addresses before they are translated to pods, so lateral denies the service ranges too.
        IEnumerable<IpCidr> Denied(ResolvedRule r) =>
            r.Rule is DenyLateralRule ? r.Destinations.Concat(facts.ServiceCidrs) : r.Destinations;
        var denied = rules.Any(r => r.Rule is EgressDenyRule deny && Denied(r).Any(d => d.Contains(c.Destination))
            && deny.Ports.Contains(c.Protocol, c.Port) && !(isDns && r.Rule is not DenyCidrRule));
        if (denied)
            return true;

        if (!rules.Any(r => r.Rule is DefaultDenyEgressRule))
            return false;
        var allows = server.Rules.Concat(tools.Where(t => !t.Binaries.IsEmpty).SelectMany(t => t.Rules))
            .Where(r => r.Rule is AllowEgressRule).ToList();
        var allowed = allows.Any(r => r.Destinations.Any(d => d.Contains(c.Destination))
            && ((AllowEgressRule)r.Rule).Ports.Contains(c.Protocol, c.Port));
        return !(isDns || allowed);
    }

    /// <summary>Addresses at and just beside the edges of every range, and two that no rule names.</summary>
    public static IEnumerable<IPAddress> Probes(IEnumerable<IpCidr> ranges)
    {
        var probes = new HashSet<IPAddress> { IPAddress.Parse("8.8.8.8"), IPAddress.Parse("2001:db8::1") };
        foreach (var range in ranges)
        {
            var bits = range.AddressBits;
            var first = new BigInteger(range.AddressBytes, isUnsigned: true, isBigEndian: true);
            var last = first + (BigInteger.One << (bits - range.PrefixLength)) - 1;
            var max = (BigInteger.One << bits) - 1;
            foreach (var value in new[] { first - 1, first, first + 1, last, last + 1 })
            {
                if (value >= 0 && value <= max)
                    probes.Add(ToAddress(value, bits / 8));
            }
        }
        return probes;
    }

    private static IPAddress ToAddress(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return new IPAddress(padded);
    }
}
