using Hangar.Policy.Compilation;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing.Assertions;

/// <summary>
/// Compares each backend's verdict with the model's, in the light of the coverage matrix: a backend that claims
/// to enforce a rule (enforced or widened) must block what the model blocks by that rule, one that claims to
/// detect it must at least report it, and a backend whose every rule for the source is enforced as declared must
/// not block what the model lets through. A partial claim promises only part of the traffic (its reason says which
/// part is left out), so it is never held to block or report a given connection; nor is it "as declared", since a
/// rule can be partial and stricter at once (a tool's rule enforced for its whole server, say).
/// </summary>
public static class ConsistencyCheck
{
    /// <summary>One line per disagreement; empty when every backend keeps its coverage claims.</summary>
    public static IReadOnlyList<string> Violations(VerdictReport report, IReadOnlyCollection<CoverageEntry>? sourceRules = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var found = new List<string>();
        foreach (var verdict in report.Backends)
        {
            var claims = report.Model.RuleIds
                .Select(id => report.Coverage.FirstOrDefault(e => e.RuleId.Value == id && SameBackend(e, verdict)))
                .OfType<CoverageEntry>()
                .ToList();

            if (report.Model.Outcome == Outcome.Blocked && verdict.Outcome != Outcome.Blocked)
            {
                var claimed = claims.FirstOrDefault(c => c.Status is CoverageStatus.Enforced or CoverageStatus.Widened);
                if (claimed is not null)
                {
                    found.Add($"{verdict.Judge} is more permissive than the policy: coverage says rule {claimed.RuleId} is "
                        + $"{claimed.Status.ToString().ToLowerInvariant()}, yet its objects say {Verdict.Describe(verdict.Outcome)} "
                        + $"({verdict.Reason})");
                }
            }

            if (report.Model.Outcome == Outcome.Blocked && verdict.Outcome is Outcome.Allowed or Outcome.NotCovered
                && !claims.Any(c => c.Status is CoverageStatus.Enforced or CoverageStatus.Widened or CoverageStatus.Partial))
            {
                var claimed = claims.FirstOrDefault(c => c.Status == CoverageStatus.Detected);
                if (claimed is not null)
                {
                    found.Add($"{verdict.Judge} does not report what the policy blocks: coverage says rule {claimed.RuleId} is "
                        + $"detected, yet its objects say {Verdict.Describe(verdict.Outcome)} ({verdict.Reason})");
                }
            }

            if (report.Model.Outcome == Outcome.DetectedOnly && verdict.Outcome is Outcome.Allowed or Outcome.NotCovered)
            {
                var claimed = claims.FirstOrDefault(c => c.Status is CoverageStatus.Detected or CoverageStatus.Enforced);
                if (claimed is not null)
                {
                    found.Add($"{verdict.Judge} does not report what the policy audits: coverage says rule {claimed.RuleId} is "
                        + $"{claimed.Status.ToString().ToLowerInvariant()}, yet its objects say {Verdict.Describe(verdict.Outcome)} "
                        + $"({verdict.Reason})");
                }
            }

            if (report.Model.Outcome != Outcome.Blocked && verdict.Outcome == Outcome.Blocked && sourceRules is not null)
            {
                var backendRules = sourceRules.Where(e => SameBackend(e, verdict)).ToList();
                var exact = backendRules.All(e => e.Status == CoverageStatus.Enforced || e.Status == CoverageStatus.Detected);
                if (exact)
                {
                    found.Add($"{verdict.Judge} blocks what the policy lets through ({Verdict.Describe(report.Model.Outcome)}), "
                        + "although coverage says "
                        + $"every rule of the source is enforced as declared ({verdict.Reason})");
                }
            }
        }
        return found;
    }

    private static bool SameBackend(CoverageEntry entry, Verdict verdict) =>
        string.Equals(entry.Backend, verdict.Judge, StringComparison.OrdinalIgnoreCase);
}
