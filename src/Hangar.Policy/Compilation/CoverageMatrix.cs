using System.Collections.Immutable;
using Hangar.Policy.Model;

namespace Hangar.Policy.Compilation;

/// <summary>
/// For every rule and every selected backend: enforced, widened, partial, detected or unsupported, and why.
/// This is where a known gap is stated instead of hidden.
/// </summary>
public sealed class CoverageMatrix
{
    internal CoverageMatrix(ImmutableArray<CoverageEntry> entries, ImmutableArray<string> backends, ImmutableArray<RuleId> rules)
    {
        Entries = entries;
        Backends = backends;
        Rules = rules;
    }

    /// <summary>One entry per rule and backend, ordered by rule id, then backend order.</summary>
    public ImmutableArray<CoverageEntry> Entries { get; }

    /// <summary>The backends, in the order they were selected.</summary>
    public ImmutableArray<string> Backends { get; }

    /// <summary>Every rule id, sorted.</summary>
    public ImmutableArray<RuleId> Rules { get; }

    /// <summary>The entry for <paramref name="rule"/> and <paramref name="backend"/>, or null.</summary>
    public CoverageEntry? Find(RuleId rule, string backend) =>
        Entries.FirstOrDefault(e => e.RuleId == rule && string.Equals(e.Backend, backend, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Merges raw entries: every rule gets one entry per backend; where a backend reported a rule several times
    /// the weakest status wins and the distinct reasons are joined; where it said nothing the rule is unsupported.
    /// </summary>
    public static CoverageMatrix Create(IEnumerable<RuleId> rules, IReadOnlyList<string> backends, IEnumerable<CoverageEntry> raw)
    {
        var byKey = raw.GroupBy(e => (e.RuleId, Backend: e.Backend.ToLowerInvariant())).ToDictionary(g => g.Key, g => g.ToList());
        var ruleList = rules.Distinct().Order().ToImmutableArray();
        var entries = ImmutableArray.CreateBuilder<CoverageEntry>();
        foreach (var rule in ruleList)
        {
            foreach (var backend in backends)
            {
                if (!byKey.TryGetValue((rule, backend.ToLowerInvariant()), out var found))
                {
                    entries.Add(new CoverageEntry(rule, backend, CoverageStatus.Unsupported,
                        $"the {backend} backend does not handle this kind of rule"));
                    continue;
                }
                var weakest = found.Max(e => e.Status);
                var reasons = found.Where(e => e.Status == weakest).Select(e => e.Reason).Distinct().Order(StringComparer.Ordinal);
                entries.Add(new CoverageEntry(rule, backend, weakest, string.Join("; ", reasons)));
            }
        }
        return new CoverageMatrix(entries.ToImmutable(), [.. backends], ruleList);
    }
}
