using System.Collections.Immutable;

namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>What an apply (or a diff, which is a dry-run apply) did to each object.</summary>
/// <param name="PolicySet">The policy set applied.</param>
/// <param name="DryRun">True when the API server was asked with <c>dryRun=All</c> and nothing was stored.</param>
/// <param name="Objects">One result per emitted object, then the pruned objects.</param>
/// <param name="Notes">Things the user should know that belong to no single object (e.g. prune skipped).</param>
public sealed record ApplyReport(string PolicySet, bool DryRun, ImmutableArray<ObjectResult> Objects, ImmutableArray<string> Notes)
{
    /// <summary>True when no object failed, conflicted or was skipped.</summary>
    public bool Succeeded => !Objects.Any(o => o.IsProblem);

    /// <summary>True when some object was or would be created, changed or pruned.</summary>
    public bool HasChanges => Objects.Any(o => o.IsChange);

    /// <summary>The number of results with <paramref name="outcome"/>.</summary>
    public int Count(ObjectOutcome outcome) => Objects.Count(o => o.Outcome == outcome);

    /// <summary>
    /// The process exit code, as <c>kubectl diff</c> has it for a diff: 0 no differences, 1 differences,
    /// 2 a problem. For an apply: 0 success, 2 a problem.
    /// </summary>
    public int ExitCode(bool forDiff) => !Succeeded ? 2 : forDiff && HasChanges ? 1 : 0;

    /// <summary>A one-line summary, e.g. <c>3 created, 1 unchanged, 0 pruned, 0 failed</c>.</summary>
    public string Summary() => string.Join(", ", Enum.GetValues<ObjectOutcome>()
        .Where(o => Count(o) > 0 || o is ObjectOutcome.Failed)
        .Select(o => $"{Count(o)} {o.ToString().ToLowerInvariant()}")) + (DryRun ? " (dry run)" : "");
}
