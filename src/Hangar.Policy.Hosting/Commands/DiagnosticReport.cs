using Hangar.Policy.Compilation;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>Prints a compilation's diagnostics to the error stream: errors, then warnings and notes.</summary>
public static class DiagnosticReport
{
    /// <summary>
    /// Prints every diagnostic of <paramref name="result"/>, one per line (each names the policy, the rule or
    /// scope, the value and the fix), and returns <see cref="ExitCodes.PolicyErrors"/> when any is an error,
    /// else <see cref="ExitCodes.Success"/>. <paramref name="onError"/> is added after the errors, e.g.
    /// "nothing was written". Notes (<see cref="DiagnosticSeverity.Info"/>) are printed only when
    /// <paramref name="withNotes"/> is true.
    /// </summary>
    public static int Write(HostContext host, CompilationResult result, string onError, bool withNotes = false)
    {
        foreach (var diagnostic in result.Diagnostics.Where(d => withNotes || d.Severity != DiagnosticSeverity.Info))
            host.Error.WriteLine(diagnostic.ToString());

        var errors = result.Diagnostics.Count(d => d.IsError);
        if (errors == 0)
            return ExitCodes.Success;
        host.Error.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}: {onError}");
        return ExitCodes.PolicyErrors;
    }

    /// <summary>"2 warnings" style count of the diagnostics of <paramref name="severity"/>, or null when there are none.</summary>
    public static string? Count(CompilationResult result, DiagnosticSeverity severity)
    {
        var count = result.Diagnostics.Count(d => d.Severity == severity);
        var noun = severity.ToString().ToLowerInvariant();
        return count == 0 ? null : $"{count} {noun}{(count == 1 ? "" : "s")}";
    }
}
