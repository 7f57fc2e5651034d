namespace Hangar.Policy.Model;

/// <summary>Whether a rule blocks what it matches or only reports it.</summary>
public enum RuleMode
{
    /// <summary>Block what the rule matches (the default).</summary>
    Enforce,

    /// <summary>Report what the rule matches and never block it.</summary>
    Audit,
}
