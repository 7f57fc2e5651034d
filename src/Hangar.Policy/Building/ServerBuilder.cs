using System.Collections.Immutable;
using Hangar.Policy.Manifests;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>Declares an MCP server: how its pods are selected, its tool manifest, its tools and rules.</summary>
public sealed class ServerBuilder : ScopeBuilder<ServerBuilder>
{
    private readonly List<ToolBuilder> _tools = [];
    private readonly SortedDictionary<string, string> _labels = new(StringComparer.Ordinal);
    private ToolManifest? _manifest;
    private bool _denyEgressForReadOnlyTools;

    internal ServerBuilder(WorkspaceBuilder workspace, string name)
        : base(workspace.Root, new PolicyScope(workspace.Scope.Workspace, CheckName(workspace, name)))
    {
        Workspace = workspace;
    }

    /// <summary>The workspace the server belongs to.</summary>
    public WorkspaceBuilder Workspace { get; }

    /// <summary>
    /// Selects the server's pods by <paramref name="key"/>=<paramref name="value"/> instead of the default
    /// <c>hangar.dev/workspace</c> and <c>hangar.dev/server</c> labels. Call again to add more labels (all must match).
    /// </summary>
    public ServerBuilder SelectedBy(string key, string value)
    {
        if (!KubernetesNames.IsLabelKey(key))
            throw Reject(DiagnosticIds.InvalidLabel, $"SelectedBy(\"{key}\", …)", $"'{key}' is not a valid label key",
                "use an optional DNS-subdomain prefix and '/', then at most 63 of [A-Za-z0-9_.-], e.g. 'app.kubernetes.io/name'");
        if (!KubernetesNames.IsLabelValue(value))
            throw Reject(DiagnosticIds.InvalidLabel, $"SelectedBy(\"{key}\", \"{value}\")", $"'{value}' is not a valid label value",
                "use at most 63 of [A-Za-z0-9_.-], starting and ending alphanumeric");
        _labels[key] = value;
        return this;
    }

    /// <summary>Gives the server's tool manifest; tools the policy names must then be listed in it.</summary>
    public ServerBuilder WithToolManifest(ToolManifest manifest)
    {
        _manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        return this;
    }

    /// <summary>Reads the server's tool manifest (MCP tools/list JSON) from <paramref name="path"/>.</summary>
    public ServerBuilder WithToolManifest(string path)
    {
        if (!File.Exists(path))
            throw Reject(DiagnosticIds.UnknownTool, $"WithToolManifest(\"{path}\")",
                $"the tool manifest '{Path.GetFullPath(path)}' does not exist",
                "check the path, or capture the manifest with 'registry capture --name NAME -- COMMAND'");
        return WithToolManifest(ToolManifest.Load(path));
    }

    /// <summary>Adds a tool of this server and returns its builder, for a linear chain.</summary>
    public ToolBuilder Tool(string name)
    {
        var tool = new ToolBuilder(this, name);
        _tools.Add(tool);
        return tool;
    }

    /// <summary>Adds a tool of this server configured by <paramref name="configure"/>.</summary>
    public ServerBuilder Tool(string name, Action<ToolBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Tool(name));
        return this;
    }

    /// <summary>
    /// Adds the tool a generated handle names (e.g. <c>McpTools.Fetch.Fetch</c>), with its annotations, and
    /// returns its builder.
    /// </summary>
    public ToolBuilder Tool(McpToolHandle tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var builder = Tool(tool.Name);
        builder.Annotations = tool.Annotations;
        return builder;
    }

    /// <summary>Adds the tool a generated handle names, configured by <paramref name="configure"/>.</summary>
    public ServerBuilder Tool(McpToolHandle tool, Action<ToolBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Tool(tool));
        return this;
    }

    /// <summary>
    /// Puts every tool of this server that its manifest declares read-only and not open-world (added with a
    /// generated handle) in allowlist mode: such a tool needs no network, so everything but cluster DNS and
    /// the allows declared at the server or workspace is denied to it.
    /// </summary>
    public ServerBuilder DefaultDenyEgressForReadOnlyTools()
    {
        _denyEgressForReadOnlyTools = true;
        return this;
    }

    internal ServerPolicy BuildServer(RuleMode inherited)
    {
        var labels = _labels.Count > 0
            ? _labels.ToImmutableSortedDictionary(StringComparer.Ordinal)
            : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                [HangarLabels.Workspace] = Scope.Workspace,
                [HangarLabels.Server] = Scope.Server!,
            });
        var mode = EffectiveMode(inherited);
        if (_denyEgressForReadOnlyTools)
        {
            foreach (var tool in _tools.Where(t => t.Annotations.ReadOnly == true && t.Annotations.OpenWorld != true))
                tool.EnsureRule(new Rules.DefaultDenyEgressRule { Scope = tool.Scope });
        }
        return new ServerPolicy(Scope.Server!, labels, _manifest, [.. BuildRules(inherited)], [.. _tools.Select(t => t.BuildTool(mode))]);
    }

    private static string CheckName(WorkspaceBuilder workspace, string name)
    {
        if (!KubernetesNames.IsDnsLabel(name))
            throw workspace.Reject(DiagnosticIds.InvalidName, $"Server(\"{name}\")",
                $"'{name}' cannot become a Kubernetes label value and object name",
                $"use a DNS-1123 label (lowercase letters, digits, '-', at most 63) such as '{KubernetesNames.SuggestDnsLabel(name)}'");
        return name;
    }
}
