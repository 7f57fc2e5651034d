namespace Hangar.Policy.Testing.Evaluation;

/// <summary>A parsed Falco condition: a tree of and/or/not over field comparisons and macro references.</summary>
internal abstract record FalcoCondition
{
    /// <summary>Both sides hold.</summary>
    public sealed record And(FalcoCondition Left, FalcoCondition Right) : FalcoCondition;

    /// <summary>Either side holds.</summary>
    public sealed record Or(FalcoCondition Left, FalcoCondition Right) : FalcoCondition;

    /// <summary>The operand does not hold.</summary>
    public sealed record Not(FalcoCondition Operand) : FalcoCondition;

    /// <summary>A field compared with values: <c>fd.sport = 443</c>, <c>proc.exepath in ("/a", "/b")</c>, <c>x exists</c>.</summary>
    public sealed record Compare(string Field, string Operator, IReadOnlyList<string> Values) : FalcoCondition;

    /// <summary>A reference to a macro of the rules file.</summary>
    public sealed record Macro(string Name) : FalcoCondition;
}
