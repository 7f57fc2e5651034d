namespace Hangar.Policy;

/// <summary>
/// The label and annotation conventions of Hangar.Policy. Server pods carry the workspace and server labels
/// (unless selected otherwise); user and workflow-run labels complete the audit chain; every emitted object
/// carries the managed-by and policy-set labels so that prune touches only what the set owns.
/// </summary>
public static class HangarLabels
{
    /// <summary>The workspace of an MCP server pod.</summary>
    public const string Workspace = "hangar.dev/workspace";
    /// <summary>The MCP server of a pod.</summary>
    public const string Server = "hangar.dev/server";
    /// <summary>The user a pod acts for.</summary>
    public const string User = "hangar.dev/user";
    /// <summary>The workflow run a pod belongs to.</summary>
    public const string WorkflowRun = "hangar.dev/workflow-run";
    /// <summary>The policy set an emitted object belongs to.</summary>
    public const string PolicySet = "hangar.dev/policy-set";
    /// <summary>The standard managed-by label.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    /// <summary>The value of <see cref="ManagedBy"/> on emitted objects.</summary>
    public const string ManagedByValue = "hangar-policy";
    /// <summary>Annotation listing the ids of the rules an object carries, comma-separated.</summary>
    public const string RulesAnnotation = "hangar.dev/rules";
}
