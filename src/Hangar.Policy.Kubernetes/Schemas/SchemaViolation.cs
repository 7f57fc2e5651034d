namespace Hangar.Policy.Kubernetes.Schemas;

/// <summary>A place where an object breaks the schema its CRD serves.</summary>
/// <param name="Path">The JSON pointer of the offending value, e.g. <c>/spec/kprobes/0/message</c>.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record SchemaViolation(string Path, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)}: {Problem}";
}
