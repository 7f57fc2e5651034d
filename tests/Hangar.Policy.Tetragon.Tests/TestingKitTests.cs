using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Testing;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using NuGet.Versioning;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// Cross-checks the emitted objects with the testing kit's own Tetragon evaluator and model, which were written
/// independently of this backend: every verdict must keep the coverage claims.
/// </summary>
public sealed class TestingKitTests
{
    private static readonly int[] PortsToTry = [22, 53, 80, 443, 9418];

    // Before v1.4.0 only TCP is blocked, a gap stated by a warning and in each reason, which the kit's
    // enforced-means-blocked check would rightly flag; those versions are covered by their own tests.
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _, _) in SemanticSamples.All())
        {
            foreach (var version in new[] { "1.7.0", "1.5.0", "1.4.0" })
                data.Add(name, version);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void KitVerdicts_KeepTheCoverageClaims(string sample, string version)
    {
        var (_, set, facts) = SemanticSamples.All().Single(s => s.Name == sample);
        var options = new CompileOptions
        {
            Backends = [new TetragonBackend()],
            Cluster = facts,
            EngineVersions = ImmutableDictionary<string, NuGetVersion>.Empty.Add("tetragon", NuGetVersion.Parse(version)),
        };
        var mappedValuesInV6Map = NuGetVersion.Parse(version) >= new NuGetVersion(1, 5, 0);
        var simulator = PolicySimulator.Compile(set, options);
        var resolved = PolicyResolver.Resolve(set, facts, []);

        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var server in resolved.Targets)
        {
            var ranges = server.AllRules.SelectMany(r => r.Destinations);
            var sources = server.Tools.Where(t => !t.Binaries.IsEmpty)
                .Select(t => new EventSource(server.Workspace, server.Server, t.Name, t.Binaries[0]))
                .Prepend(new EventSource(server.Workspace, server.Server));
            var sourceRules = simulator.CoverageOfServer(new EventSource(server.Workspace, server.Server));
            foreach (var source in sources)
            {
                foreach (var address in EgressOracle.Probes(ranges))
                {
                    foreach (var port in PortsToTry)
                    {
                        foreach (var protocol in new[] { Protocol.Tcp, Protocol.Udp })
                        {
                            checkedCount++;
                            var report = simulator.Simulate(new ConnectEvent(source, address, port, protocol));
                            problems.AddRange(ConsistencyCheck.Violations(report, [.. sourceRules]));
                            var ours = new TetragonSimulator(simulator.Result.Objects, mappedValuesInV6Map).Blocks(new Connection(
                                address.AddressFamily, address, port, protocol, simulator.SourceOf(source).Binary));
                            var kit = report.Backends.Single().Outcome == Outcome.Blocked;
                            if (ours != kit)
                                problems.Add($"{report.Event}: this suite's simulator says blocked={ours}, the kit's {kit}");
                        }
                    }
                }
            }
        }

        Assert.True(checkedCount > 100, $"only {checkedCount} connections checked");
        Assert.True(problems.Count == 0,
            $"{problems.Count} problems in {checkedCount} connections:\n{string.Join("\n", problems.Distinct().Take(20))}");
    }
}
