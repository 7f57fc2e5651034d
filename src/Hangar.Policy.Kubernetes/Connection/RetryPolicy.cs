namespace Hangar.Policy.Kubernetes.Connection;

/// <summary>
/// How requests to the API server are retried: on 409 (except field-manager conflicts, which need a decision),
/// 429, 5xx, connection failures and per-request timeouts, with exponential backoff and jitter. A 429's
/// <c>Retry-After</c> is honoured up to <see cref="MaxDelay"/>.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>The default policy.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>How many times a request is tried in all. Default: 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The delay before the first retry; doubled for each further retry. Default: 200 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two tries. Default: 10 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one try may take before it counts as timed out. Default: 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before try number <paramref name="attempt"/> + 1 (1-based), jittered by up to 20%.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } asked)
            return asked < MaxDelay ? asked : MaxDelay;

        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var jittered = exponential * (1 + (Random.Shared.NextDouble() * 0.2));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }
}
