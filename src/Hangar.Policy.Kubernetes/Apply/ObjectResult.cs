using System.Collections.Immutable;
using Hangar.Policy.Kubernetes.Connection;

namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>The outcome for one object.</summary>
/// <param name="ApiVersion">The object's apiVersion.</param>
/// <param name="Kind">The object's kind.</param>
/// <param name="Namespace">Its namespace, or null when cluster-scoped.</param>
/// <param name="Name">Its name.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Why, for conflicts, failures and skips; null otherwise.</param>
public sealed record ObjectResult(string ApiVersion, string Kind, string? Namespace, string Name, ObjectOutcome Outcome, string? Message)
{
    /// <summary>The fields other managers own, for a field-manager conflict.</summary>
    public ImmutableArray<FieldConflict> Conflicts { get; init; } = [];

    /// <summary>The unified diff from the live object to the object after apply; empty when unchanged.</summary>
    public string Diff { get; init; } = "";

    /// <summary><c>kind namespace/name</c>, or <c>kind name</c> when cluster-scoped.</summary>
    public string Display => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    /// <summary>True when the object changed or would change.</summary>
    public bool IsChange => Outcome is ObjectOutcome.Created or ObjectOutcome.Configured or ObjectOutcome.Pruned;

    /// <summary>True for conflicts, failures and skips.</summary>
    public bool IsProblem => Outcome is ObjectOutcome.Conflict or ObjectOutcome.Failed or ObjectOutcome.Skipped;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Display} {Outcome.ToString().ToLowerInvariant()}{(Message is null ? "" : $": {Message}")}";
}
