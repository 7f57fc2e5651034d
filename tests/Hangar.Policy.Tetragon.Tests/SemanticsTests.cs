using System.Net.Sockets;
using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// Runs a grid of connections through the emitted objects (read as Tetragon would) and compares every verdict
/// with what the rules say.
/// </summary>
public sealed class SemanticsTests
{
    private static readonly int[] PortsToTry = [0, 21, 22, 23, 52, 53, 54, 80, 443, 8080, 9418];

    public static TheoryData<string> Samples() => [.. SemanticSamples.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryVerdict_MatchesThePolicy(string sample)
    {
        var (_, set, facts) = SemanticSamples.All().Single(s => s.Name == sample);
        var result = Compile.For(set, cluster: facts);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var resolved = PolicyResolver.Resolve(set, facts, []);

        var mismatches = new List<string>();
        var checkedCount = 0;
        foreach (var server in resolved.Targets)
        {
            var simulator = new TetragonSimulator(result.Objects.Where(o => o.Namespace == server.Namespace
                && o.Name.StartsWith($"{server.Workspace}-{server.Server}-", StringComparison.Ordinal)));
            foreach (var connection in Grid(server, facts))
            {
                checkedCount++;
                var expected = EgressOracle.Blocks(server, facts, connection);
                if (simulator.Blocks(connection) != expected)
                    mismatches.Add($"{server.Scope}: {connection}: expected {(expected ? "blocked" : "allowed")}");
            }
        }

        Assert.True(checkedCount > 1000, $"only {checkedCount} connections checked");
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {checkedCount} verdicts differ:\n{string.Join("\n", mismatches.Take(30))}");
    }

    private static IEnumerable<Connection> Grid(ServerTarget server, ClusterFacts facts)
    {
        var ranges = server.AllRules.SelectMany(r => r.Destinations)
            .Concat(new[] { facts.Dns?.ServiceAddress, facts.NodeLocalDns }.OfType<IpCidr>());
        var binaries = server.Tools.SelectMany(t => t.Binaries).Append(Connection.ServerBinary).Distinct();
        foreach (var address in EgressOracle.Probes(ranges))
        {
            foreach (var port in PortsToTry)
            {
                foreach (var protocol in new[] { Protocol.Tcp, Protocol.Udp, Protocol.Sctp })
                {
                    foreach (var binary in binaries)
                    {
                        var family = address.AddressFamily;
                        var connection = new Connection(family, address, port, protocol, binary);
                        yield return connection;
                        if (family == AddressFamily.InterNetwork)
                            yield return connection.Mapped();
                    }
                }
            }
        }
    }
}
