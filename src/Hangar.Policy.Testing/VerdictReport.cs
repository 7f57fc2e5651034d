using System.Collections.Immutable;
using System.Text;
using Hangar.Policy.Compilation;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing;

/// <summary>
/// The verdicts on one event, whatever its kind: the policy model's, and each backend's from its emitted objects.
/// <see cref="SimulationReport"/> holds a connect, <see cref="ProcessReport"/> a process event.
/// </summary>
/// <param name="Model">What the policy says.</param>
/// <param name="Backends">What each compiled backend's objects do, in the compilation's backend order.</param>
/// <param name="Coverage">The coverage entries of the rules named in any verdict.</param>
public abstract record VerdictReport(Verdict Model, ImmutableArray<Verdict> Backends, ImmutableArray<CoverageEntry> Coverage)
{
    /// <summary>The event judged.</summary>
    public abstract PolicyEvent Subject { get; }

    /// <summary>The verdict of <paramref name="backend"/>; throws naming the compiled backends when it has none.</summary>
    public Verdict For(string backend) =>
        Backends.FirstOrDefault(v => string.Equals(v.Judge, backend, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"'{backend}' was not compiled; the backends are: {string.Join(", ", Backends.Select(b => b.Judge))}", nameof(backend));

    /// <summary>A multi-line explanation: the event, every verdict, and the coverage of the rules involved.</summary>
    protected string Explain()
    {
        var text = new StringBuilder();
        text.Append(Subject).Append('\n');
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

    /// <summary>Throws unless <paramref name="backend"/>'s verdict is <paramref name="expected"/>.</summary>
    protected void Expect(string backend, Outcome expected)
    {
        var verdict = For(backend);
        if (verdict.Outcome != expected)
            throw Fail($"to be {Verdict.Describe(expected)} by {backend}", verdict);
    }

    /// <summary>Throws unless <paramref name="backend"/> lets the event through (allowed or not covered).</summary>
    protected void ExpectLetThrough(string backend)
    {
        var verdict = For(backend);
        if (verdict.Outcome is not (Outcome.Allowed or Outcome.NotCovered))
            throw Fail($"to be let through by {backend}", verdict);
    }

    /// <summary>
    /// Throws unless the policy blocks the event, at least one backend blocks it, and no backend whose coverage
    /// claims to enforce the blocking rule lets it through.
    /// </summary>
    protected void ExpectBlocked()
    {
        if (Model.Outcome != Outcome.Blocked)
            throw Fail("to be blocked by the policy", Model);
        if (!Backends.Any(b => b.Blocks))
            throw Fail("to be blocked by at least one backend", Model);
        var violations = ConsistencyCheck.Violations(this);
        if (violations.Count > 0)
            throw Fail("to be blocked by every backend that claims to enforce the rule", Model, violations);
    }

    /// <summary>Throws unless the policy lets the event through and no backend blocks it.</summary>
    protected void ExpectAllowed()
    {
        if (Model.Outcome == Outcome.Blocked)
            throw Fail("to be allowed by the policy", Model);
        var blocking = Backends.FirstOrDefault(b => b.Blocks);
        if (blocking is not null)
            throw Fail("to be let through by every backend", blocking);
    }

    /// <summary>An assertion failure naming the event, the expectation, the verdict, and every verdict after it.</summary>
    protected PolicyAssertionException Fail(string expectation, Verdict actual, IReadOnlyList<string>? details = null)
    {
        var message = new StringBuilder();
        message.Append("Expected ").Append(Subject).Append(' ').Append(expectation).Append(", but ").Append(actual.Judge)
            .Append(" says ").Append(Verdict.Describe(actual.Outcome)).Append(": ").Append(actual.Reason).Append(".\n");
        foreach (var detail in details ?? [])
            message.Append("  ").Append(detail).Append('\n');
        message.Append('\n').Append(Explain());
        return new PolicyAssertionException(message.ToString(), this);
    }
}
