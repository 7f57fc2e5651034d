using System.Collections.Concurrent;
using CsCheck;
using Hangar.Policy.Compilation;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using Hangar.Policy.TestSupport;

namespace Hangar.Policy.Testing.Tests;

/// <summary>
/// Random process-rule policies against random process events, compiled for all four backends under both
/// KubeArmor postures: wherever the coverage matrix claims enforcement (or detection), the evaluators of the
/// emitted objects agree with the model, and the emitted side is never the more permissive.
/// </summary>
public sealed class ProcessDifferentialTests
{
    private const int Policies = 500;
    private const int EventsPerPolicy = 12;

    private static string? Seed => Environment.GetEnvironmentVariable("HANGAR_DIFFERENTIAL_SEED") switch
    {
        null or "" => "0N0XIzNsQ0O1",
        "random" => null,
        var given => given,
    };

    [Fact]
    public void EmittedObjects_KeepTheCoverageClaims_ForProcessEvents()
    {
        var cases = 0;
        var outcomes = new ConcurrentDictionary<(string, Outcome), int>();
        Cases().Sample(
            (spec, posture, events) =>
            {
                Interlocked.Add(ref cases, events.Length);
                return Disagreement(spec, posture, events, outcomes) is null;
            },
            seed: Seed,
            iter: Policies,
            print: c => $"{c.Item1}\nKubeArmor posture {c.Item2}\n{Disagreement(c.Item1, c.Item2, c.Item3)}");

        Assert.True(cases >= Policies * EventsPerPolicy, $"only {cases} cases ran");
        // The run means something only if every evaluator both stopped and let through some events.
        foreach (var (judge, outcome) in new[]
        {
            ("model", Outcome.Blocked), ("model", Outcome.Allowed), ("tetragon", Outcome.Blocked), ("kubearmor", Outcome.Blocked),
            ("kubearmor", Outcome.DetectedOnly), ("falco", Outcome.DetectedOnly), ("falco", Outcome.NotCovered),
        })
            Assert.True(outcomes.GetValueOrDefault((judge, outcome)) > 0, $"no event was {Verdict.Describe(outcome)} by {judge}");
    }

    internal static Gen<(PolicySpec, KubeArmorPosture, ProcessEvent[])> Cases() =>
        ProcessPolicyGenerators.Policy.SelectMany(spec => Gen.Select(Gen.Enum<KubeArmorPosture>(),
            ProcessPolicyGenerators.Event(spec).Array[EventsPerPolicy], (posture, events) => (spec, posture, events)));

    /// <summary>
    /// A simulator over <paramref name="spec"/> compiled for all backends, KubeArmor evaluated under <paramref name="posture"/>.
    /// </summary>
    internal static PolicySimulator Simulator(PolicySpec spec, KubeArmorPosture posture, out CompilationResult result)
    {
        var set = spec.Build();
        var options = ProcessSimulationTests.AllBackends(posture);
        result = PolicyCompiler.Compile(set, options);
        if (!result.Succeeded)
            return null!;
        return new PolicySimulator(set, options, result).Use(new KubeArmorEvaluator(
            posture == KubeArmorPosture.Block ? KubeArmorDefaultPosture.Block : KubeArmorDefaultPosture.Audit));
    }

    /// <summary>The first disagreement between the model and an evaluator over <paramref name="events"/>, or null.</summary>
    internal static string? Disagreement(PolicySpec spec, KubeArmorPosture posture, IEnumerable<ProcessEvent> events,
        ConcurrentDictionary<(string, Outcome), int>? outcomes = null)
    {
        var simulator = Simulator(spec, posture, out var result);
        if (!result.Succeeded)
            return "compilation failed: " + string.Join("; ", result.Errors);

        foreach (var processEvent in events)
        {
            var report = simulator.Simulate(processEvent);
            foreach (var verdict in report.Backends.Prepend(report.Model))
                outcomes?.AddOrUpdate((verdict.Judge, verdict.Outcome), 1, (_, n) => n + 1);
            var violations = ConsistencyCheck.Violations(report, [.. simulator.CoverageOfServer(processEvent.Source)])
                .Where(v => !KnownDefects.Explains(simulator, report, v)).ToList();
            if (violations.Count > 0)
                return string.Join("\n", violations) + "\n" + report;
        }
        return null;
    }
}
