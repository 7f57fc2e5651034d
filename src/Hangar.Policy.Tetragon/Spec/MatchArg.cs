using System.Collections.Immutable;
using Hangar.Policy.Output;

namespace Hangar.Policy.Tetragon.Spec;

/// <summary>One <c>matchArgs</c> entry: an operator on the hook argument at <paramref name="Index"/>.</summary>
internal sealed record MatchArg(int Index, string Operator, ImmutableArray<string> Values)
{
    public ObjectNode ToNode() => new()
    {
        ["index"] = Index,
        ["operator"] = Operator,
        ["values"] = Values.ToList(),
    };
}
