namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>What happened to one object.</summary>
public enum ObjectOutcome
{
    /// <summary>It did not exist and was created (or would be, in a dry run).</summary>
    Created,
    /// <summary>It existed and was changed (or would be).</summary>
    Configured,
    /// <summary>It already matched; nothing was written.</summary>
    Unchanged,
    /// <summary>It belonged to this policy set, is no longer emitted, and was deleted (or would be).</summary>
    Pruned,
    /// <summary>It was left alone because someone else owns it or its fields; see the conflicts.</summary>
    Conflict,
    /// <summary>The API server refused it, it broke the served schema, or it could not be reached.</summary>
    Failed,
    /// <summary>Not attempted, because validation of another object failed before any write.</summary>
    Skipped,
}
