using System.Collections.Immutable;
using System.Text;
using Hangar.Policy.Compilation;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing;

/// <summary>The verdicts on one event: the policy model's, and each backend's from its emitted objects.</summary>
/// <param name="Event">The event.</param>
/// <param name="Model">What the policy says.</param>
/// <param name="Backends">What each compiled backend's objects do, in the compilation's backend order.</param>
/// <param name="Coverage">The coverage entries of the rules named in any verdict.</param>
public sealed record SimulationReport(ConnectEvent Event, Verdict Model, ImmutableArray<Verdict> Backends, ImmutableArray<CoverageEntry> Coverage)
{
    /// <summary>The verdict of <paramref name="backend"/>; throws naming the compiled backends when it has none.</summary>
    public Verdict For(string backend) =>
        Backends.FirstOrDefault(v => string.Equals(v.Judge, backend, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"'{backend}' was not compiled; the backends are: {string.Join(", ", Backends.Select(b => b.Judge))}", nameof(backend));

    /// <summary>Asserts that <paramref name="backend"/>'s objects block the event.</summary>
    public SimulationReport ShouldBeBlockedBy(string backend) => Expect(backend, Outcome.Blocked);

    /// <summary>Asserts that <paramref name="backend"/>'s objects let the event through (allowed or not covered).</summary>
    public SimulationReport ShouldBeAllowedBy(string backend)
    {
        var verdict = For(backend);
        if (verdict.Outcome is Outcome.Allowed or Outcome.NotCovered)
            return this;
        throw Fail($"to be let through by {backend}", verdict);
    }

    /// <summary>Asserts that <paramref name="backend"/>'s objects report the event without blocking it.</summary>
    public SimulationReport ShouldBeDetectedBy(string backend) => Expect(backend, Outcome.DetectedOnly);

    /// <summary>Asserts that <paramref name="backend"/> does not see the event at all.</summary>
    public SimulationReport ShouldNotBeCoveredBy(string backend) => Expect(backend, Outcome.NotCovered);

    /// <summary>
    /// Asserts that the policy blocks the event, that at least one backend blocks it, and that no backend whose
    /// coverage claims to enforce the blocking rule lets it through.
    /// </summary>
    public SimulationReport ShouldBeBlocked()
    {
        if (Model.Outcome != Outcome.Blocked)
            throw Fail("to be blocked by the policy", Model);
        if (!Backends.Any(b => b.Blocks))
            throw Fail("to be blocked by at least one backend", Model);
        var violations = ConsistencyCheck.Violations(this);
        if (violations.Count > 0)
            throw Fail("to be blocked by every backend that claims to enforce the rule", Model, violations);
        return this;
    }

    /// <summary>Asserts that the policy lets the event through and that no backend blocks it.</summary>
    public SimulationReport ShouldBeAllowed()
    {
        if (Model.Outcome == Outcome.Blocked)
            throw Fail("to be allowed by the policy", Model);
        var blocking = Backends.FirstOrDefault(b => b.Blocks);
        if (blocking is not null)
            throw Fail("to be let through by every backend", blocking);
        return this;
    }

    /// <summary>A multi-line explanation: the event, every verdict, and the coverage of the rules involved.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Event).Append('\n');
        text.Append("  ").Append(Model).Append('\n');
        foreach (var verdict in Backends)
            text.Append("  ").Append(verdict).Append('\n');
        if (Coverage.Length > 0)
        {
            text.Append("coverage of the rules involved:\n");
            foreach (var entry in Coverage)
                text.Append("  ").Append(entry.RuleId).Append(" on ").Append(entry.Backend).Append(": ")
                    .Append(entry.Status.ToString().ToLowerInvariant()).Append(" (").Append(entry.Reason).Append(")\n");
        }
        return text.ToString();
    }

    private SimulationReport Expect(string backend, Outcome expected)
    {
        var verdict = For(backend);
        if (verdict.Outcome == expected)
            return this;
        throw Fail($"to be {Verdict.Describe(expected)} by {backend}", verdict);
    }

    private PolicyAssertionException Fail(string expectation, Verdict actual, IReadOnlyList<string>? details = null)
    {
        var message = new StringBuilder();
        message.Append("Expected ").Append(Event).Append(' ').Append(expectation).Append(", but ").Append(actual.Judge)
            .Append(" says ").Append(Verdict.Describe(actual.Outcome)).Append(": ").Append(actual.Reason).Append(".\n");
        foreach (var detail in details ?? [])
            message.Append("  ").Append(detail).Append('\n');
        message.Append('\n').Append(this);
        return new PolicyAssertionException(message.ToString(), this);
    }
}
