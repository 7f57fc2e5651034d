using System.Net;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Validation;
using static Hangar.Policy.NetworkPolicy.Tests.Clusters;

namespace Hangar.Policy.NetworkPolicy.Tests;

/// <summary>
/// Compares the emitted NetworkPolicies with what the policy says, connection by connection, on addresses and ports
/// at the edges of every range the rules name: never more permissive, and exact for TCP, UDP and SCTP to
/// non-pod addresses when the target has every construct.
/// </summary>
public sealed class SemanticsTests
{
    private static readonly string[] CidrPool =
    [
        "10.0.0.0/8", "10.1.0.0/16", "10.244.0.0/16", "203.0.113.0/24", "203.0.113.128/25", "0.0.0.0/0", "8.8.8.0/24",
        "2001:db8::/32", "2001:db8:1::/48", "::/0", "169.254.0.0/16", "192.168.0.0/16", "198.51.100.7/32",
    ];

    private static readonly PortSet[] PortPool =
    [
        Ports.Any, Ports.Tcp(22), Ports.Tcp(443), Ports.TcpRange(1000, 2000), Ports.Udp(53), Ports.TcpAndUdp(443), Ports.Sctp(9),
        Ports.UdpRange(1, 1024), Ports.Tcp(22, 443),
    ];

    private static readonly string[] Probes =
    [
        "8.8.8.8", "1.1.1.1", "10.0.0.1", "10.1.2.3", "169.254.169.254", "100.100.100.200", "192.168.1.1", "203.0.113.200",
        "2001:db8::1", "2001:4860:4860::8888", "fd00:ec2::254", "fe80::1", "172.18.0.2",
    ];

    [Fact]
    public void RepresentativeSet_IsExactForAddressesAndNeverMorePermissive()
    {
        Check(RepresentativePolicies.AcmeMcp(), Kind, "1.30.0", exact: true);
    }

    [Theory]
    [InlineData("1.24.0")]
    [InlineData("1.19.0")]
    public void RepresentativeSet_OnOlderKubernetes_IsNeverMorePermissive(string version)
    {
        Check(RepresentativePolicies.AcmeMcp(), Kind, version, exact: false);
    }

    [Fact]
    public void RandomPolicies_AreExactForAddressesAndNeverMorePermissive()
    {
        var random = new Random(20261204);
        var checkedSets = 0;
        for (var i = 0; i < 150; i++)
        {
            // An allow inside a fact-based deny (e.g. the pod range under DenyLateral) is rejected at compile time.
            if (RandomSet(random) is { } set && Compile(set).Succeeded)
            {
                Check(set, Kind, "1.30.0", exact: true);
                Check(set, Kind, "1.24.0", exact: false);
                checkedSets++;
            }
        }
        Assert.True(checkedSets > 100, $"only {checkedSets} random sets were valid");
    }

    private static PolicySet? RandomSet(Random random)
    {
        string Cidr() => CidrPool[random.Next(CidrPool.Length)];
        PortSet PortsOf() => PortPool[random.Next(PortPool.Length)];
        try
        {
            return PolicySet.Named("random").Workspace("acme", ws =>
            {
                if (random.Next(4) == 0) ws.DenyLateral();
                if (random.Next(4) == 0) ws.DenyCloudMetadata();
                if (random.Next(6) == 0) ws.DenyClusterInternal();
                if (random.Next(6) == 0) ws.DenyCorporateNetwork();
                ws.Server("svc", s =>
                {
                    if (random.Next(2) == 0) s.DefaultDenyEgress();
                    for (var n = random.Next(4); n > 0; n--) s.DenyCidr(Cidr(), PortsOf());
                    for (var n = random.Next(4); n > 0; n--) s.AllowEgress(Cidr(), PortsOf());
                    if (random.Next(4) == 0) s.Tool("run", t => t.DenyCidr(Cidr(), PortsOf()));
                });
            }).Build();
        }
        catch (PolicyDefinitionException)
        {
            return null;
        }
    }

    private static void Check(PolicySet set, ClusterFacts facts, string version, bool exact)
    {
        var result = Compile(set, facts, version);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var resolved = PolicyResolver.Resolve(set, facts, new List<PolicyDiagnostic>());

        foreach (var target in resolved.Targets)
        {
            var verdicts = new PolicyVerdicts(target);
            var emitted = result.Objects.SingleOrDefault(o => o.Namespace == target.Namespace
                && o.Body.Node("spec")!.Node("podSelector")!.Node("matchLabels")!.SequenceEqual(
                    target.PodLabels.Select(l => new KeyValuePair<string, object?>(l.Key, l.Value))));
            var egress = emitted is null ? null : new EmittedEgress(emitted.Body.Node("spec")!, target.Namespace);

            foreach (var (address, protocol, port) in Samples(verdicts, facts))
            {
                var said = verdicts.Allows(address, protocol, port);
                var does = egress?.AllowsAddress(address, protocol, port) ?? true;
                var what = $"{target.Scope} to {address} {protocol}/{port} (Kubernetes {version})";
                Assert.False(does && !said, $"emitted policy allows what the policy denies: {what}");
                if (exact)
                    Assert.False(said && !does, $"emitted policy blocks what the policy allows: {what}");
            }

            CheckPods(target, verdicts, egress, facts, version);
        }
    }

    private static void CheckPods(ServerTarget target, PolicyVerdicts verdicts, EmittedEgress? egress, ClusterFacts facts, string version)
    {
        if (egress is null)
            return;
        var podAddress = IPAddress.Parse("10.244.3.7");
        var own = new Dictionary<string, string> { [HangarLabels.Workspace] = target.Workspace };
        var other = new Dictionary<string, string> { [HangarLabels.Workspace] = "other" };
        foreach (var protocol in new[] { Protocol.Tcp, Protocol.Udp })
        {
            foreach (var port in new[] { 22, 443, 8080 })
            {
                foreach (var calico in new[] { true, false })
                {
                    var what = $"{target.Scope} to a pod {protocol}/{port} (Kubernetes {version}, ipBlock matches pods: {calico})";
                    Assert.False(egress.AllowsPod(target.Namespace, own, podAddress, protocol, port, calico)
                        && !verdicts.Allows(podAddress, protocol, port, ownWorkspacePod: true), $"own-workspace pod allowed: {what}");
                    Assert.False(egress.AllowsPod("other", other, podAddress, protocol, port, calico)
                        && !verdicts.Allows(podAddress, protocol, port), $"other workspace's pod allowed: {what}");
                }
            }
        }

        if (facts.Dns is { } dns)
        {
            var dnsPod = IPAddress.Parse("10.244.0.10");
            foreach (var protocol in new[] { Protocol.Udp, Protocol.Tcp })
            {
                var reaches = egress.AllowsPod(dns.Namespace, dns.PodLabels, dnsPod, protocol, 53, false);
                var denied = verdicts.ExplicitlyDenies(dnsPod, protocol, 53);
                Assert.False(reaches && denied, $"{target.Scope}: cluster DNS over {protocol} stays open despite an explicit deny");
                if (!verdicts.ExplicitDenyMayCover(facts.PodCidrs, protocol, 53))
                    Assert.True(reaches, $"{target.Scope}: cluster DNS over {protocol} is not kept");
            }
        }
    }

    private static IEnumerable<(IPAddress, Protocol, int)> Samples(PolicyVerdicts verdicts, ClusterFacts facts)
    {
        var addresses = Probes.Select(IPAddress.Parse)
            .Concat(verdicts.Ranges.Concat(facts.CorporateRanges).SelectMany(Edges))
            .Where(a => !LoopbackDestinations.All.Any(l => l.Contains(a)))
            .Where(a => !facts.PodCidrs.Any(p => p.Contains(a)))
            .Where(a => facts.NodeLocalDns is not { } dns || !dns.Contains(a))
            .Distinct()
            .ToList();
        var ports = new[] { 1, 22, 53, 443, 1024, 65535 }.Select(p => (Protocol.Tcp, p))
            .Concat([(Protocol.Udp, 53), (Protocol.Udp, 1025), (Protocol.Sctp, 9), (Protocol.Sctp, 10)])
            .Concat(verdicts.PortRanges.SelectMany(r => new[] { r.From - 1, r.From, r.To, r.To + 1 }
                .Where(p => p is >= 1 and <= 65535).Select(p => (r.Protocol, p))))
            .Distinct()
            .ToList();
        return addresses.SelectMany(a => ports.Select(p => (a, p.Item1, p.Item2)));
    }

    private static IEnumerable<IPAddress> Edges(IpCidr cidr)
    {
        var first = cidr.Network.GetAddressBytes();
        var last = (byte[])first.Clone();
        for (var bit = cidr.PrefixLength; bit < cidr.AddressBits; bit++)
            last[bit / 8] |= (byte)(0x80 >> (bit % 8));
        yield return new IPAddress(first);
        yield return new IPAddress(last);
        if (Step(first, -1) is { } before)
            yield return before;
        if (Step(last, +1) is { } after)
            yield return after;
    }

    private static IPAddress? Step(byte[] bytes, int delta)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = copy.Length - 1; i >= 0; i--)
        {
            var value = copy[i] + delta;
            copy[i] = (byte)value;
            if (value is >= 0 and <= 255)
                return new IPAddress(copy);
        }
        return null;
    }
}
