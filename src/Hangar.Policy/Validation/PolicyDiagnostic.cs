namespace Hangar.Policy.Validation;

/// <summary>
/// A problem found in a policy. It names the policy set, the rule or scope, the offending value and the fix.
/// </summary>
/// <param name="Id">The diagnostic id, e.g. <c>HANGAR0001</c> (see <see cref="DiagnosticIds"/>).</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Policy">The policy set's name.</param>
/// <param name="Subject">The rule id or scope path the problem is about.</param>
/// <param name="Problem">What is wrong, naming the bad value.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record PolicyDiagnostic(string Id, DiagnosticSeverity Severity, string Policy, string Subject, string Problem, string Fix)
{
    /// <summary>True for an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>One line: <c>error HANGAR0001: policy 'p', rule 'acme/deny-cidr-…': problem. Fix: …</c></summary>
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} {Id}: policy '{Policy}', {Subject}: {Problem}. Fix: {Fix}";
}
