using System.Collections.Immutable;
using Hangar.Policy.Output;

namespace Hangar.Policy.Tetragon.Spec;

/// <summary>One selector of a hook: argument filters AND binary filter, then actions.</summary>
internal sealed record HookSelector(ImmutableArray<MatchArg> MatchArgs, MatchBinaries? Binaries, ImmutableArray<MatchAction> Actions)
{
    /// <summary>The most matchArgs (plus matchData) Tetragon accepts in one selector.</summary>
    public const int MaxMatchArgs = 5;

    /// <summary>The most actions Tetragon accepts in one selector.</summary>
    public const int MaxActions = 3;

    public ObjectNode ToNode()
    {
        if (MatchArgs.Length > MaxMatchArgs || Actions.Length > MaxActions)
            throw new InvalidOperationException(
                $"a Tetragon selector takes at most {MaxMatchArgs} matchArgs and {MaxActions} actions, "
                + $"not {MatchArgs.Length} and {Actions.Length}");

        var node = new ObjectNode();
        if (MatchArgs.Length > 0)
            node["matchArgs"] = MatchArgs.Select(a => a.ToNode()).ToList();
        if (Binaries is not null)
            node["matchBinaries"] = new List<ObjectNode> { Binaries.ToNode() };
        node["matchActions"] = Actions.Select(a => a.ToNode()).ToList();
        return node;
    }
}
