using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>Declares a workspace: its namespace, its servers and the rules every server inherits.</summary>
public sealed class WorkspaceBuilder : ScopeBuilder<WorkspaceBuilder>
{
    private readonly List<ServerBuilder> _servers = [];
    private string _namespace;

    internal WorkspaceBuilder(PolicySetBuilder root, string name) : base(root, new PolicyScope(CheckName(root, name)))
    {
        _namespace = name;
    }

    /// <summary>Places the workspace's servers in <paramref name="kubernetesNamespace"/> instead of a namespace named
    /// after the workspace.</summary>
    public WorkspaceBuilder InNamespace(string kubernetesNamespace)
    {
        if (!KubernetesNames.IsDnsLabel(kubernetesNamespace))
            throw Reject(DiagnosticIds.InvalidName, $"InNamespace(\"{kubernetesNamespace}\")",
                $"'{kubernetesNamespace}' is not a valid namespace name",
                $"use a DNS-1123 label such as '{KubernetesNames.SuggestDnsLabel(kubernetesNamespace)}'");
        _namespace = kubernetesNamespace;
        return this;
    }

    /// <summary>Adds an MCP server and returns its builder, for a linear chain.</summary>
    public ServerBuilder Server(string name)
    {
        var server = new ServerBuilder(this, name);
        _servers.Add(server);
        return server;
    }

    /// <summary>Adds an MCP server configured by <paramref name="configure"/>.</summary>
    public WorkspaceBuilder Server(string name, Action<ServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Server(name));
        return this;
    }

    internal WorkspacePolicy BuildWorkspace()
    {
        var mode = EffectiveMode(RuleMode.Enforce);
        return new WorkspacePolicy(Scope.Workspace, _namespace, [.. BuildRules(RuleMode.Enforce)],
            [.. _servers.Select(s => s.BuildServer(mode))]);
    }

    private static string CheckName(PolicySetBuilder root, string name)
    {
        if (!KubernetesNames.IsDnsLabel(name))
        {
            throw new PolicyDefinitionException([new PolicyDiagnostic(DiagnosticIds.InvalidName, DiagnosticSeverity.Error, root.Name,
                $"Workspace(\"{name}\")", $"'{name}' cannot become a Kubernetes namespace or label value",
                $"use a DNS-1123 label (lowercase letters, digits, '-', at most 63) such as '{KubernetesNames.SuggestDnsLabel(name)}'")]);
        }
        return name;
    }
}
