using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hangar.Policy.Kubernetes.Tests;

/// <summary>An <see cref="ILogger"/> that keeps every formatted line, for asserting what apply logs.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Line)> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((logLevel, formatter(state, exception)));
}
