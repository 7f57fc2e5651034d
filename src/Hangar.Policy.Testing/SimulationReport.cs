using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing;

/// <summary>The verdicts on one connect: the policy model's, and each backend's from its emitted objects.</summary>
/// <param name="Event">The event.</param>
/// <param name="Model">What the policy says.</param>
/// <param name="Backends">What each compiled backend's objects do, in the compilation's backend order.</param>
/// <param name="Coverage">The coverage entries of the rules named in any verdict.</param>
public sealed record SimulationReport(
    ConnectEvent Event, Verdict Model, ImmutableArray<Verdict> Backends, ImmutableArray<CoverageEntry> Coverage)
    : VerdictReport(Model, Backends, Coverage)
{
    /// <inheritdoc />
    public override PolicyEvent Subject => Event;

    /// <summary>Asserts that <paramref name="backend"/>'s objects block the event.</summary>
    public SimulationReport ShouldBeBlockedBy(string backend)
    {
        Expect(backend, Outcome.Blocked);
        return this;
    }

    /// <summary>Asserts that <paramref name="backend"/>'s objects let the event through (allowed or not covered).</summary>
    public SimulationReport ShouldBeAllowedBy(string backend)
    {
        ExpectLetThrough(backend);
        return this;
    }

    /// <summary>Asserts that <paramref name="backend"/>'s objects report the event without blocking it.</summary>
    public SimulationReport ShouldBeDetectedBy(string backend)
    {
        Expect(backend, Outcome.DetectedOnly);
        return this;
    }

    /// <summary>Asserts that <paramref name="backend"/> does not see the event at all.</summary>
    public SimulationReport ShouldNotBeCoveredBy(string backend)
    {
        Expect(backend, Outcome.NotCovered);
        return this;
    }

    /// <summary>
    /// Asserts that the policy blocks the event, that at least one backend blocks it, and that no backend whose
    /// coverage claims to enforce the blocking rule lets it through.
    /// </summary>
    public SimulationReport ShouldBeBlocked()
    {
        ExpectBlocked();
        return this;
    }

    /// <summary>Asserts that the policy lets the event through and that no backend blocks it.</summary>
    public SimulationReport ShouldBeAllowed()
    {
        ExpectAllowed();
        return this;
    }

    /// <summary>A multi-line explanation: the event, every verdict, and the coverage of the rules involved.</summary>
    public override string ToString() => Explain();
}
