using Hangar.Policy.Compilation;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>The processes a rule applies to: the whole server, or a tool's binaries.</summary>
/// <param name="Binaries">The binary filter, or null for every process of the server's pods.</param>
/// <param name="Tool">The tool the rule was declared for, or null for a server or workspace rule.</param>
/// <param name="SharedWith">The other tools of the server that run one of the tool's binaries, which the rule reaches too.</param>
internal sealed record EgressScope(MatchBinaries? Binaries, ToolTarget? Tool, IReadOnlyList<ToolTarget>? SharedWith = null)
{
    /// <summary>Every process of the server.</summary>
    public static EgressScope Server { get; } = new(null, null);

    /// <summary>A tool that names no binary: its rules apply to the whole server.</summary>
    public static EgressScope Widened(ToolTarget tool) => new(null, tool);

    /// <summary>A tool's binaries (and, with <paramref name="followChildren"/>, the processes they start).</summary>
    public static EgressScope ForTool(ToolTarget tool, bool followChildren, IReadOnlyList<ToolTarget> sharedWith) =>
        new(new MatchBinaries("In", tool.Binaries, followChildren), tool, sharedWith);

    /// <summary>
    /// The other tools of <paramref name="server"/> that run one of <paramref name="tool"/>'s binaries: Tetragon tells
    /// processes apart by binary only, so a rule scoped to the tool reaches them too.
    /// </summary>
    public static IReadOnlyList<ToolTarget> ToolsSharingBinaries(ServerTarget server, ToolTarget tool) =>
        [.. server.Tools.Where(t => t.Scope != tool.Scope && t.Binaries.Intersect(tool.Binaries, StringComparer.Ordinal).Any())];

    /// <summary>True when a tool rule is applied to the whole server.</summary>
    public bool IsWidened => Tool is not null && Binaries is null;
}
