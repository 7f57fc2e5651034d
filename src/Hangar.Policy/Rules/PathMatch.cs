namespace Hangar.Policy.Rules;

/// <summary>
/// A file or executable a process-level rule names: one path (<c>/usr/bin/git</c>) or a directory and everything
/// below it (<c>/usr/lib/git-core/</c>, written with a trailing '/').
/// </summary>
/// <param name="Path">The absolute, normalized path; a directory ends in '/'.</param>
public sealed record PathMatch(string Path) : IComparable<PathMatch>
{
    /// <summary>True when <see cref="Path"/> names a directory and everything below it.</summary>
    public bool IsDirectory => Path.EndsWith('/');

    /// <summary>True when <paramref name="path"/> (a file path) is this path or lies below this directory.</summary>
    public bool Covers(string path) =>
        IsDirectory ? path.StartsWith(Path, StringComparison.Ordinal) : string.Equals(path, Path, StringComparison.Ordinal);

    /// <summary>True when every path <paramref name="other"/> names is also named by this one.</summary>
    public bool Covers(PathMatch other) => Covers(other.Path);

    /// <inheritdoc />
    public int CompareTo(PathMatch? other) => string.CompareOrdinal(Path, other?.Path);

    /// <inheritdoc />
    public override string ToString() => Path;
}
