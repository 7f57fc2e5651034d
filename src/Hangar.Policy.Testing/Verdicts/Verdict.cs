using System.Collections.Immutable;

namespace Hangar.Policy.Testing.Verdicts;

/// <summary>What one judge (the policy model, or one backend's emitted objects) decides about an event, and why.</summary>
/// <param name="Judge"><c>model</c>, or the backend name (<c>networkpolicy</c>, <c>tetragon</c>, …).</param>
/// <param name="Outcome">Blocked, detected only, allowed or not covered.</param>
/// <param name="RuleIds">The ids of the rules responsible, sorted.</param>
/// <param name="Objects">The emitted objects responsible (<c>Kind namespace/name</c>), sorted; empty for the model.</param>
/// <param name="Reason">Why, in a sentence or two.</param>
public sealed record Verdict(string Judge, Outcome Outcome, ImmutableArray<string> RuleIds, ImmutableArray<string> Objects, string Reason)
{
    /// <summary>True when the event does not get through.</summary>
    public bool Blocks => Outcome == Outcome.Blocked;

    /// <inheritdoc />
    public override string ToString()
    {
        var rules = RuleIds.IsDefaultOrEmpty ? "" : $"; rules: {string.Join(", ", RuleIds)}";
        var objects = Objects.IsDefaultOrEmpty ? "" : $"; objects: {string.Join(", ", Objects)}";
        return $"{Judge}: {Describe(Outcome)} ({Reason}{rules}{objects})";
    }

    /// <summary>The outcome in words: blocked, detected only, allowed, not covered.</summary>
    public static string Describe(Outcome outcome) => outcome switch
    {
        Outcome.Blocked => "blocked",
        Outcome.DetectedOnly => "detected only",
        Outcome.Allowed => "allowed",
        _ => "not covered",
    };
}
