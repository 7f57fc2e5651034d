namespace Hangar.Policy.Kubernetes.Tests.Emulator;

/// <summary>An answer the emulator gives instead of the normal one, a number of times, to matching requests.</summary>
internal sealed class InjectedFailure(string method, string pathContains, int status, int times, TimeSpan delay, string? body)
{
    private int _remaining = times;

    public int Status { get; } = status;

    public TimeSpan Delay { get; } = delay;

    public string? Body { get; } = body;

    public bool TryTake(string requestMethod, string path)
    {
        if (!string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase)
            || !path.Contains(pathContains, StringComparison.Ordinal))
            return false;
        return Interlocked.Decrement(ref _remaining) >= 0;
    }
}
