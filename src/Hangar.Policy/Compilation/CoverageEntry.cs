using Hangar.Policy.Model;

namespace Hangar.Policy.Compilation;

/// <summary>How one backend covers one rule, and why.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Backend">The backend name.</param>
/// <param name="Status">Enforced, widened, partial, detected or unsupported.</param>
/// <param name="Reason">Why, in a sentence; for widened, to what scope; for partial, which part is not covered.</param>
public sealed record CoverageEntry(RuleId RuleId, string Backend, CoverageStatus Status, string Reason);
