namespace Hangar.Policy.Testing.Events;

/// <summary>
/// A hypothetical <c>execve()</c>: the process of <see cref="PolicyEvent.Source"/> (the parent, whose executable
/// is <see cref="EventSource.Binary"/> or the default for the source) starts the executable at <paramref name="Path"/>.
/// </summary>
/// <param name="Source">Who executes; its binary is the parent executable that tool-scoped rules match.</param>
/// <param name="Path">The absolute path of the executable started, as the kernel resolves it.</param>
public sealed record ExecEvent(EventSource Source, string Path) : ProcessEvent(Source)
{
    /// <inheritdoc />
    public override string ToString() => $"exec of {Path} by {Source}";
}
