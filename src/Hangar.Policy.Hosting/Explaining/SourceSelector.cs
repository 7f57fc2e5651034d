using Hangar.Policy.Model;
using Hangar.Policy.Testing.Events;

namespace Hangar.Policy.Hosting.Explaining;

/// <summary>
/// Finds the server (and tool) that <c>--from SERVER[/TOOL]</c> names, with <c>--workspace NAME</c> when the
/// server name repeats across workspaces, among the project's policy sets.
/// </summary>
/// <remarks>
/// A tool the server's manifest lists but the policy gives no rules or binaries of its own runs in the server
/// process under the server's rules, so it is explained as the server.
/// </remarks>
public static class SourceSelector
{
    /// <summary>
    /// The policy set and event source for <paramref name="from"/>, with a note when the tool is explained as its
    /// server; throws <see cref="UsageException"/> naming the unknown or ambiguous part and what exists.
    /// </summary>
    public static (PolicySet Set, EventSource Source, string? Note) Resolve(
        IReadOnlyList<PolicySet> sets, string from, string? workspace)
    {
        var parts = from.Split('/');
        if (parts.Length > 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException($"--from '{from}' is not SERVER or SERVER/TOOL; write e.g. --from fetch or " +
                "--from git/git_log, and name the workspace with --workspace when the server name repeats");
        }
        var (serverName, toolName) = (parts[0], parts.Length == 2 ? parts[1] : null);

        var workspaces = sets.SelectMany(s => s.Workspaces.Select(w => (Set: s, Workspace: w))).ToList();
        if (workspace is not null && workspaces.All(w => w.Workspace.Name != workspace))
        {
            throw new UsageException($"--workspace '{workspace}' is not a workspace of the policy; " +
                $"the workspaces are: {Names(workspaces.Select(w => w.Workspace.Name))}");
        }

        var matches = workspaces.Where(w => workspace is null || w.Workspace.Name == workspace)
            .SelectMany(w => w.Workspace.Servers.Where(s => s.Name == serverName).Select(s => (w.Set, w.Workspace, Server: s)))
            .ToList();
        if (matches.Count == 0)
            throw UnknownServer(workspaces.Select(w => w.Workspace).ToList(), serverName, workspace);
        if (matches.Count > 1)
        {
            var where = matches.Select(m => sets.Count > 1 ? $"{m.Workspace.Name} (policy set {m.Set.Name})" : m.Workspace.Name);
            throw new UsageException($"--from '{from}': server '{serverName}' is in several workspaces " +
                $"({string.Join(", ", where)}); name one with --workspace, e.g. --workspace {matches[0].Workspace.Name}");
        }

        var (set, ws, server) = matches[0];
        var tool = Tool(ws, server, toolName);
        var note = toolName is not null && tool is null
            ? $"tool '{toolName}' has no rules or binaries of its own: it runs in the server process, under the server's rules"
            : null;
        return (set, new EventSource(ws.Name, server.Name, tool), note);
    }

    private static string? Tool(WorkspacePolicy workspace, ServerPolicy server, string? toolName)
    {
        if (toolName is null || server.Tools.Any(t => t.Name == toolName))
            return toolName;
        if (server.Manifest?.Contains(toolName) == true)
            return null;

        var known = server.Tools.Select(t => t.Name).Concat(server.Manifest?.Tools.Select(t => t.Name) ?? []).Distinct().ToList();
        throw new UsageException($"--from '{server.Name}/{toolName}': server '{workspace.Name}/{server.Name}' has no tool " +
            $"'{toolName}'; " + (known.Count == 0
                ? $"it declares no tools, so write --from {server.Name}"
                : $"its tools are: {Names(known)}") +
            (known.Count > 0 && server.Manifest is null
                ? $"; or write --from {server.Name} to explain it as the server, or declare the tool " +
                  $".Tool(\"{toolName}\", ...) or give the server its tool list with WithToolManifest"
                : ""));
    }

    private static UsageException UnknownServer(IReadOnlyList<WorkspacePolicy> workspaces, string serverName, string? workspace)
    {
        var scope = workspaces.Where(w => workspace is null || w.Name == workspace).ToList();
        var servers = Names(scope.SelectMany(w => w.Servers.Select(s => s.Name)));
        var where = workspace is null ? "the policy" : $"workspace '{workspace}'";
        var hint = workspaces.Any(w => w.Name == serverName)
            ? $"; '{serverName}' is a workspace: write --workspace {serverName} --from SERVER"
            : "";
        return new UsageException($"--from '{serverName}': {where} has no server '{serverName}'; " +
            $"the servers are: {servers}{hint}");
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Distinct().Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
