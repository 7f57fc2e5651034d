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
        => Write(host, result, onError, withNotes, summariseNotEnforced: false);

    /// <summary>
    /// As <see cref="Write(HostContext, CompilationResult, string, bool)"/>; when
    /// <paramref name="summariseNotEnforced"/> is true, the <see cref="DiagnosticIds.NotEnforced"/> warnings (long,
    /// and the same on every run) are replaced by one line that counts them and points to <c>coverage</c>.
    /// </summary>
    public static int Write(HostContext host, CompilationResult result, string onError, bool withNotes,
        bool summariseNotEnforced)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(result);
        var notEnforced = 0;
        foreach (var diagnostic in result.Diagnostics.Where(d => withNotes || d.Severity != DiagnosticSeverity.Info))
        {
            if (summariseNotEnforced && diagnostic is { Id: DiagnosticIds.NotEnforced, IsError: false })
                notEnforced++;
            else
                host.Error.WriteLine(diagnostic.ToString());
        }
        if (notEnforced > 0)
        {
            var rules = notEnforced == 1 ? "1 rule is" : $"{notEnforced} rules are";
            host.Error.WriteLine($"warning {DiagnosticIds.NotEnforced}: {rules} " +
                "not fully enforced by any selected engine; run 'coverage' to see which and why, or add --verbose");
        }

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
