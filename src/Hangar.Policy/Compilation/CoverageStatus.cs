namespace Hangar.Policy.Compilation;

/// <summary>How a backend covers a rule, from strongest to weakest.</summary>
public enum CoverageStatus
{
    /// <summary>The engine blocks what the rule forbids (or allows exactly what it allows).</summary>
    Enforced,
    /// <summary>The engine enforces the rule at a wider scope than declared (e.g. a tool rule on the whole server).</summary>
    Widened,
    /// <summary>
    /// The engine enforces the rule for part of the traffic it names; the reason says which part is not covered
    /// (e.g. loopback inside the pod, which NetworkPolicy never sees). What it does cover, it blocks.
    /// </summary>
    Partial,
    /// <summary>The engine only reports what the rule matches (audit mode, or a detect-only engine).</summary>
    Detected,
    /// <summary>The engine cannot express the rule; nothing is emitted for it.</summary>
    Unsupported,
}
