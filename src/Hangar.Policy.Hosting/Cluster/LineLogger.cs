using Microsoft.Extensions.Logging;

namespace Hangar.Policy.Hosting.Cluster;

/// <summary>
/// Writes each log entry as one plain line (information to the output, warnings and errors to the error writer with
/// a <c>warning:</c> or <c>error:</c> prefix), the way the apply and diff verbs print one line per object.
/// </summary>
public sealed class LineLogger(TextWriter output, TextWriter error, LogLevel minimum = LogLevel.Information) : ILogger
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
            return;

        var line = formatter(state, exception);
        lock (_gate)
        {
            if (logLevel >= LogLevel.Error)
                error.WriteLine($"error: {line}");
            else if (logLevel == LogLevel.Warning)
                error.WriteLine($"warning: {line}");
            else
                output.WriteLine(line);
        }
    }
}
