using System.Collections.Immutable;
using System.Net;
using CsCheck;
using Hangar.Policy.Compilation;
using Hangar.Policy.Falco;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Model;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Tetragon;
using Hangar.Policy.TestSupport;

namespace Hangar.Policy.Testing.Tests;

/// <summary>
/// Random policies against random connects: wherever the coverage matrix claims enforcement, the evaluators
/// of the emitted objects agree with the model, and the emitted side is never the more permissive.
/// </summary>
public sealed class DifferentialTests
{
    private const int Policies = 1000;
    private const int EventsPerPolicy = 10;

    // A fixed seed keeps the normal run repeatable; HANGAR_DIFFERENTIAL_SEED=random explores new cases, and a
    // seed printed by a failure reproduces it.
    private static string? Seed => Environment.GetEnvironmentVariable("HANGAR_DIFFERENTIAL_SEED") switch
    {
        null or "" => "5-w52tS0gS92",
        "random" => null,
        var given => given,
    };

    private static readonly DestinationPod DnsPod =
        DestinationPod.Of("kube-system", "k8s-app=kube-dns") with { Address = IPAddress.Parse("10.244.0.10") };

    [Fact]
    public void EmittedObjects_KeepTheCoverageClaims()
    {
        var cases = 0;
        Cases().Sample(
            (spec, events) =>
            {
                Interlocked.Add(ref cases, events.Length);
                return Disagreement(spec, events) is null;
            },
            seed: Seed,
            iter: Policies,
            print: c => $"{c.Item1}\n{Disagreement(c.Item1, c.Item2)}");

        Assert.True(cases >= Policies * EventsPerPolicy, $"only {cases} cases ran");
    }

    /// <summary>Random policies, each with random connects from its own servers and tools.</summary>
    internal static Gen<(PolicySpec, ConnectEvent[])> Cases() =>
        PolicyGenerators.Policy.SelectMany(spec => Event(spec).Array[EventsPerPolicy], (spec, events) => (spec, events));

    internal static CompileOptions Options => new()
    {
        Backends = [new NetworkPolicyBackend(), new TetragonBackend(), new KubeArmorBackend(), new FalcoBackend()],
        Cluster = PolicyGenerators.Cluster,
    };

    /// <summary>The first disagreement between the model and an evaluator over <paramref name="events"/>, or null.</summary>
    internal static string? Disagreement(PolicySpec spec, IEnumerable<ConnectEvent> events)
    {
        var set = spec.Build();
        var result = PolicyCompiler.Compile(set, Options);
        if (!result.Succeeded)
            return "compilation failed: " + string.Join("; ", result.Errors);

        var simulator = new PolicySimulator(set, Options, result);
        foreach (var connect in events)
        {
            var report = simulator.Simulate(connect);
            var violations = ConsistencyCheck.Violations(report, [.. simulator.CoverageOfServer(connect.Source)])
                .Where(v => !KnownDefects.Explains(simulator, report, v)).ToList();
            if (violations.Count > 0)
                return string.Join("\n", violations) + "\n" + report;
        }
        return null;
    }

    private static Gen<ConnectEvent> Event(PolicySpec spec)
    {
        var sources = spec.Workspaces.SelectMany(w => w.Servers.SelectMany(s => Sources(w.Name, s))).ToArray();
        var namespaces = spec.Workspaces.Select(w => w.Name).Append("kube-system").ToArray();
        return Gen.Select(Gen.OneOf(sources), PolicyGenerators.Address, PolicyGenerators.Port, PolicyGenerators.Protocol,
            Gen.Int[0, 4], Gen.OneOf(namespaces),
            (source, address, port, protocol, podChoice, podNamespace) =>
                new ConnectEvent(source, address, port, protocol, Pod: PodFor(address, podChoice, podNamespace)));
    }

    private static IEnumerable<EventSource> Sources(string workspace, ServerSpec server)
    {
        yield return new EventSource(workspace, server.Name);
        yield return new EventSource(workspace, server.Name, Binary: "/usr/bin/curl");
        if (server.Tool is { } tool)
        {
            yield return new EventSource(workspace, server.Name, tool.Name);
            if (tool.Binary is not null)
                yield return new EventSource(workspace, server.Name, Binary: tool.Binary);
        }
    }

    // Pod addresses reach a pod of some namespace (or an unknown one); the DNS service always reaches the DNS pods.
    private static DestinationPod? PodFor(IPAddress address, int choice, string podNamespace)
    {
        var wire = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (wire.Equals(IPAddress.Parse("10.96.0.10")))
            return DnsPod;
        if (!PolicyGenerators.Cluster.PodCidrs.Any(c => c.Contains(wire)) || choice == 0)
            return null;
        return podNamespace == "kube-system"
            ? DnsPod with { Address = null }
            : DestinationPod.Of(podNamespace, $"hangar.dev/workspace={podNamespace}", "hangar.dev/server=fetch");
    }
}
