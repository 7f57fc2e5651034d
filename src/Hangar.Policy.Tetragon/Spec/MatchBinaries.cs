using System.Collections.Immutable;
using Hangar.Policy.Output;

namespace Hangar.Policy.Tetragon.Spec;

/// <summary>The one <c>matchBinaries</c> entry a selector may carry.</summary>
/// <param name="Operator"><c>In</c> or <c>NotIn</c>.</param>
/// <param name="Paths">The executables, sorted.</param>
/// <param name="FollowChildren">Also match processes the binaries start (Tetragon v1.2.0 and later).</param>
internal sealed record MatchBinaries(string Operator, ImmutableArray<string> Paths, bool FollowChildren)
{
    public ObjectNode ToNode()
    {
        var node = new ObjectNode { ["operator"] = Operator, ["values"] = Paths.ToList() };
        if (FollowChildren)
            node["followChildren"] = true;
        return node;
    }
}
