using System.Collections.Immutable;
using System.Text;
using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.TestSupport;

/// <summary>A generated tool: its name, the binary it runs as (or none), its rules.</summary>
internal sealed record ToolSpec(string Name, string? Binary, bool Audit, ImmutableArray<RuleSpec> Rules);

/// <summary>A generated server: its name, its rules, and at most one tool.</summary>
internal sealed record ServerSpec(string Name, bool Audit, ImmutableArray<RuleSpec> Rules, ToolSpec? Tool);

/// <summary>A generated workspace.</summary>
internal sealed record WorkspaceSpec(string Name, bool Audit, ImmutableArray<RuleSpec> Rules, ImmutableArray<ServerSpec> Servers);

/// <summary>
/// A generated policy set, kept as data: <see cref="Build"/> makes the <see cref="PolicySet"/>, and
/// <see cref="ToString"/> prints the C# that declares it, so that a shrunk counterexample becomes a test by pasting.
/// </summary>
internal sealed record PolicySpec(ImmutableArray<WorkspaceSpec> Workspaces)
{
    /// <summary>Builds the set; null when validation rejects it (an allow inside a deny, for instance).</summary>
    public PolicySet? TryBuild()
    {
        try
        {
            return Build();
        }
        catch (PolicyDefinitionException)
        {
            return null;
        }
    }

    public PolicySet Build()
    {
        var builder = PolicySet.Named("random");
        foreach (var workspace in Workspaces)
        {
            builder.Workspace(workspace.Name, ws =>
            {
                if (workspace.Audit)
                    ws.Audit();
                foreach (var rule in workspace.Rules)
                    rule.Apply(ws);
                foreach (var server in workspace.Servers)
                {
                    ws.Server(server.Name, s =>
                    {
                        if (server.Audit)
                            s.Audit();
                        foreach (var rule in server.Rules)
                            rule.Apply(s);
                        if (server.Tool is { } tool)
                        {
                            s.Tool(tool.Name, t =>
                            {
                                if (tool.Binary is not null)
                                    t.RunsAs(tool.Binary);
                                if (tool.Audit)
                                    t.Audit();
                                foreach (var rule in tool.Rules)
                                    rule.Apply(t);
                            });
                        }
                    });
                }
            });
        }
        return builder.Build();
    }

    public override string ToString()
    {
        var code = new StringBuilder("PolicySet.Named(\"random\")");
        foreach (var workspace in Workspaces)
        {
            code.Append($"\n    .Workspace(\"{workspace.Name}\", ws => "
                + $"ws{(workspace.Audit ? ".Audit()" : "")}{string.Concat(workspace.Rules)}");
            foreach (var server in workspace.Servers)
            {
                code.Append($"\n        .Server(\"{server.Name}\", s => s{(server.Audit ? ".Audit()" : "")}{string.Concat(server.Rules)}");
                if (server.Tool is { } tool)
                {
                    var runsAs = tool.Binary is null ? "" : $".RunsAs(\"{tool.Binary}\")";
                    code.Append($"\n            .Tool(\"{tool.Name}\", t => "
                        + $"t{runsAs}{(tool.Audit ? ".Audit()" : "")}{string.Concat(tool.Rules)})");
                }
                code.Append(')');
            }
            code.Append(')');
        }
        return code.Append("\n    .Build()").ToString();
    }
}
