namespace Hangar.Policy.Testing.Assertions;

/// <summary>
/// Thrown by the kit's assertions when a verdict is not the expected one. The message names the event, the
/// expectation, every verdict with the rules and objects responsible, and the coverage of those rules.
/// </summary>
public sealed class PolicyAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyAssertionException(string message, VerdictReport verdicts) : base(message) => Verdicts = verdicts;

    /// <summary>The verdicts that failed the assertion, for any kind of event.</summary>
    public VerdictReport Verdicts { get; }

    /// <summary>The verdicts that failed the assertion when the event was a connect; null for a process event.</summary>
    public SimulationReport? Report => Verdicts as SimulationReport;
}
