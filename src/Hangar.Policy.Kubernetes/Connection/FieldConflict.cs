namespace Hangar.Policy.Kubernetes.Connection;

/// <summary>A field that another field manager owns with a different value, as server-side apply reports it.</summary>
/// <param name="Field">The field path, e.g. <c>.spec.egress</c>.</param>
/// <param name="Manager">The field manager that owns it, e.g. <c>kubectl-client-side-apply</c>.</param>
public sealed record FieldConflict(string Field, string Manager)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field} (owned by {Manager})";
}
