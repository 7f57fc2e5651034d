using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>
/// Builds a <see cref="PolicySet"/>: <c>PolicySet.Named("acme-mcp").Workspace("acme", ws => …).Build()</c>.
/// A builder builds once.
/// </summary>
public sealed class PolicySetBuilder
{
    private readonly List<WorkspaceBuilder> _workspaces = [];
    private PolicySet? _built;

    internal PolicySetBuilder(string name)
    {
        if (!KubernetesNames.IsLabelValue(name) || name.Length == 0)
        {
            throw new PolicyDefinitionException([new PolicyDiagnostic(DiagnosticIds.InvalidName, DiagnosticSeverity.Error, name,
                "the policy set name", $"'{name}' is not a valid Kubernetes label value",
                $"use at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric, e.g. "
                    + $"'{KubernetesNames.SuggestDnsLabel(name)}'")]);
        }
        Name = name;
    }

    /// <summary>The policy set's name.</summary>
    public string Name { get; }

    /// <summary>Adds a workspace and returns its builder, for a linear chain.</summary>
    public WorkspaceBuilder Workspace(string name)
    {
        var workspace = new WorkspaceBuilder(this, name);
        _workspaces.Add(workspace);
        return workspace;
    }

    /// <summary>Adds a workspace configured by <paramref name="configure"/>.</summary>
    public PolicySetBuilder Workspace(string name, Action<WorkspaceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Workspace(name));
        return this;
    }

    /// <summary>
    /// Validates the whole set and returns it. Throws <see cref="PolicyDefinitionException"/> listing every
    /// error (duplicate names, allows inside denied ranges, tools missing from a manifest). Building again
    /// returns the same set.
    /// </summary>
    public PolicySet Build()
    {
        if (_built is not null)
            return _built;

        var set = new PolicySet(Name, [.. _workspaces.Select(w => w.BuildWorkspace())]);
        var errors = PolicyValidator.Validate(set, facts: null).Where(d => d.IsError).ToImmutableArray();
        if (errors.Length > 0)
            throw new PolicyDefinitionException(errors);
        _built = set;
        return set;
    }
}
