using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Events;

/// <summary>A hypothetical <c>open()</c> of a regular file for reading, writing, or both.</summary>
/// <param name="Source">Who opens the file.</param>
/// <param name="Path">The absolute path of the file, as the kernel resolves it.</param>
/// <param name="Access">Read (<c>O_RDONLY</c>), write (<c>O_WRONLY</c>, create, truncate, append) or both (<c>O_RDWR</c>).</param>
public sealed record FileOpenEvent(EventSource Source, string Path, FileAccess Access) : ProcessEvent(Source)
{
    /// <inheritdoc />
    public override string ToString() => $"open of {Path} for {Describe(Access)} by {Source}";

    /// <summary>The access in words: reading, writing, reading and writing.</summary>
    public static string Describe(FileAccess access) => access switch
    {
        FileAccess.Read => "reading",
        FileAccess.Write => "writing",
        _ => "reading and writing",
    };
}
