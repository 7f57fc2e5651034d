namespace Hangar.Policy.Conformance.Tests.CoverageTable;

/// <summary>One row of the documented coverage table: the intent, its line, and the status word per engine.</summary>
internal sealed record DocumentedRow(string Intent, int Line, IReadOnlyDictionary<string, string> Statuses);
