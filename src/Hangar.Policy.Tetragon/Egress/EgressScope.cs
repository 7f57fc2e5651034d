using Hangar.Policy.Compilation;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>The processes a rule applies to: the whole server, or a tool's binaries.</summary>
/// <param name="Binaries">The binary filter, or null for every process of the server's pods.</param>
/// <param name="Tool">The tool the rule was declared for, or null for a server or workspace rule.</param>
internal sealed record EgressScope(MatchBinaries? Binaries, ToolTarget? Tool)
{
    /// <summary>Every process of the server.</summary>
    public static EgressScope Server { get; } = new(null, null);

    /// <summary>A tool that names no binary: its rules apply to the whole server.</summary>
    public static EgressScope Widened(ToolTarget tool) => new(null, tool);

    /// <summary>A tool's binaries (and, with <paramref name="followChildren"/>, the processes they start).</summary>
    public static EgressScope ForTool(ToolTarget tool, bool followChildren) =>
        new(new MatchBinaries("In", tool.Binaries, followChildren), tool);

    /// <summary>True when a tool rule is applied to the whole server.</summary>
    public bool IsWidened => Tool is not null && Binaries is null;
}
