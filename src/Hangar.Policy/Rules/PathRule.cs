using System.Collections.Immutable;

namespace Hangar.Policy.Rules;

/// <summary>A process-level rule about a set of files, executables or directories.</summary>
public abstract record PathRule : ProcessRule
{
    /// <summary>The paths and directories, sorted and distinct.</summary>
    public required ImmutableArray<PathMatch> Paths { get; init; }

    /// <inheritdoc />
    public override string? CanonicalParameters => string.Join(",", Paths);

    /// <summary>The paths as a short list for descriptions.</summary>
    protected string PathList => string.Join(", ", Paths);
}
