namespace Hangar.Policy.Compilation;

/// <summary>How a backend covers a rule, from strongest to weakest.</summary>
public enum CoverageStatus
{
    /// <summary>The engine blocks what the rule forbids (or allows exactly what it allows).</summary>
    Enforced,
    /// <summary>The engine enforces the rule at a wider scope than declared (e.g. a tool rule on the whole server).</summary>
    Widened,
    /// <summary>The engine only reports what the rule matches (audit mode, or a detect-only engine).</summary>
    Detected,
    /// <summary>The engine cannot express the rule; nothing is emitted for it.</summary>
    Unsupported,
}
