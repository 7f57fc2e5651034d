namespace Hangar.Policy.Testing.Assertions;

/// <summary>
/// Thrown by the kit's assertions when a verdict is not the expected one. The message names the event, the
/// expectation, every verdict with the rules and objects responsible, and the coverage of those rules.
/// </summary>
public sealed class PolicyAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyAssertionException(string message, SimulationReport report) : base(message) => Report = report;

    /// <summary>The verdicts that failed the assertion.</summary>
    public SimulationReport Report { get; }
}
