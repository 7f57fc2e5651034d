namespace Hangar.Policy.Hosting.Cluster;

/// <summary>
/// A token cancelled by the first Ctrl+C, so that a batch stops between requests and reports what it did instead of
/// being killed mid-way; a second Ctrl+C ends the process as usual.
/// </summary>
internal sealed class CtrlCCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CtrlCCancellation() => Console.CancelKeyPress += OnCancelKeyPress;

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
            return;
        e.Cancel = true;
        _source.Cancel();
    }
}
