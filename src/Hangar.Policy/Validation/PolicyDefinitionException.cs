namespace Hangar.Policy.Validation;

/// <summary>
/// Thrown when a policy is defined with values that can never compile. The message lists every problem,
/// each naming the policy, the rule or scope, the bad value and the fix.
/// </summary>
public sealed class PolicyDefinitionException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public PolicyDefinitionException(IReadOnlyList<PolicyDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString())))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The problems, errors first.</summary>
    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }
}
