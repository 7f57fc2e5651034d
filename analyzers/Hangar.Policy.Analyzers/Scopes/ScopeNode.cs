using System.Collections.Generic;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>The level of a scope builder.</summary>
internal enum ScopeLevel
{
    Set,
    Workspace,
    Server,
    Tool,
}

/// <summary>
/// One builder the code declares rules on: a workspace, server or tool, found through lambda parameters,
/// locals and linear chains, with its parent when the code shows it.
/// </summary>
internal sealed class ScopeNode
{
    public ScopeNode(ScopeLevel level, string? name, ScopeNode? parent, bool detached)
    {
        Level = level;
        Name = name;
        Parent = parent;
        Detached = detached;
    }

    public ScopeLevel Level { get; }

    /// <summary>The constant name the scope was declared with, or null.</summary>
    public string? Name { get; }

    public ScopeNode? Parent { get; }

    /// <summary>True when the code does not show where the builder comes from (a method parameter, say).</summary>
    public bool Detached { get; }

    /// <summary>True when the builder is passed to code that may add rules the analyzer cannot see.</summary>
    public bool Opaque { get; set; }

    /// <summary>True when Audit() was called on this scope.</summary>
    public bool Audit { get; set; }

    /// <summary>True when RunsAs(...) names the tool's binaries, so kernel-level engines can tell the tool apart.</summary>
    public bool HasBinaries { get; set; }

    /// <summary>The server name of a manifest given with WithToolManifest("…/name.tools.json").</summary>
    public string? ManifestServer { get; set; }

    public List<RuleFact> Rules { get; } = new();

    /// <summary>This scope and the scopes above it, nearest first.</summary>
    public IEnumerable<ScopeNode> SelfAndAncestors()
    {
        for (var node = this; node is not null; node = node.Parent)
            yield return node;
    }

    /// <summary>True when every scope above is known, so inherited rules are all visible.</summary>
    public bool AncestryKnown
    {
        get
        {
            foreach (var node in SelfAndAncestors())
            {
                if (node.Detached || node.Opaque)
                    return false;
            }
            return true;
        }
    }

    /// <summary>The scope as a path of constant names: <c>acme/fetch</c>, with '?' for unknown names.</summary>
    public string Path
    {
        get
        {
            var parts = new List<string>();
            foreach (var node in SelfAndAncestors())
            {
                if (node.Level != ScopeLevel.Set)
                    parts.Insert(0, node.Name ?? "?");
            }
            return parts.Count == 0 ? "the policy set" : string.Join("/", parts);
        }
    }
}
