using Hangar.Policy.Manifests;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>
/// Declares one tool of a server. Kernel-level engines tell tools apart only by the binaries they run as
/// (<see cref="RunsAs"/>); without binaries a tool's rules widen to its whole server.
/// </summary>
public sealed class ToolBuilder : ScopeBuilder<ToolBuilder>
{
    private readonly List<string> _binaries = [];

    internal ToolBuilder(ServerBuilder server, string name)
        : base(server.Root, new PolicyScope(server.Scope.Workspace, server.Scope.Server, CheckName(server, name)))
    {
        Server = server;
    }

    /// <summary>The server the tool belongs to.</summary>
    public ServerBuilder Server { get; }

    /// <summary>
    /// The behaviour hints of the tool when it was added with a generated handle; <see cref="ToolAnnotations.None"/>
    /// when it was added by name.
    /// </summary>
    public ToolAnnotations Annotations { get; internal set; } = ToolAnnotations.None;

    /// <summary>
    /// Names the executables the tool runs as (absolute paths), so that Tetragon, KubeArmor and Falco can
    /// scope the tool's rules to them.
    /// </summary>
    public ToolBuilder RunsAs(params string[] binaries)
    {
        foreach (var binary in binaries)
        {
            if (!FilePaths.IsValid(binary, allowDirectory: false, out var problem))
                throw Reject(DiagnosticIds.InvalidToolOrBinary, $"RunsAs(\"{FilePaths.Printable(binary)}\")", problem,
                    "give the absolute, resolved path of the executable, e.g. '/usr/bin/git', "
                    + $"at most {FilePaths.MaxLength} bytes in UTF-8 (a non-ASCII character takes 2-4 bytes)");
            if (!_binaries.Contains(binary, StringComparer.Ordinal))
                _binaries.Add(binary);
        }
        return this;
    }

    internal ToolPolicy BuildTool(RuleMode inherited) =>
        new(Scope.Tool!, [.. _binaries.Order(StringComparer.Ordinal)], [.. BuildRules(inherited)]);

    private static string CheckName(ServerBuilder server, string name)
    {
        if (!McpToolNames.IsValid(name))
            throw server.Reject(DiagnosticIds.InvalidToolOrBinary, $"Tool(\"{name}\")", $"'{name}' is not a valid MCP tool name",
                "use 1-128 characters of [A-Za-z0-9_.-], exactly as the server lists the tool");
        return name;
    }
}
