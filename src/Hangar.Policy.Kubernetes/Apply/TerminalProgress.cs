namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>
/// A one-line progress display (<c>[12/40] NetworkPolicy acme/fetch configured</c>), redrawn in place, for long
/// batches on an interactive terminal. Silent when the writer is redirected or the batch is short, so that logs
/// and CI output stay clean.
/// </summary>
public sealed class TerminalProgress : IApplyProgress
{
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly int _threshold;
    private readonly Lock _gate = new();
    private int _width;

    /// <summary>
    /// Draws on <paramref name="writer"/> when <paramref name="interactive"/> and a batch has at least
    /// <paramref name="threshold"/> objects.
    /// </summary>
    public TerminalProgress(TextWriter writer, bool interactive, int threshold = 10)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _interactive = interactive;
        _threshold = threshold;
    }

    /// <summary>Draws on standard error when it is a terminal.</summary>
    public static TerminalProgress ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    /// <inheritdoc />
    public void Report(int done, int total, ObjectResult latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        if (!_interactive || total < _threshold)
            return;

        lock (_gate)
        {
            var line = $"[{done}/{total}] {latest}";
            if (line.Length > 110)
                line = line[..110];
            _writer.Write('\r' + line.PadRight(_width));
            _width = line.Length;
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        lock (_gate)
        {
            if (_width == 0)
                return;
            _writer.Write('\r' + new string(' ', _width) + '\r');
            _width = 0;
        }
    }
}
