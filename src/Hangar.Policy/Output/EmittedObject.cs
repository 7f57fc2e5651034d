namespace Hangar.Policy.Output;

/// <summary>One Kubernetes object a backend emitted.</summary>
/// <param name="Backend">The backend that emitted it.</param>
/// <param name="ApiVersion">The object's apiVersion.</param>
/// <param name="Kind">The object's kind.</param>
/// <param name="Namespace">The namespace, or null for a cluster-scoped object.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Body">The whole object, apiVersion, kind and metadata included.</param>
public sealed record EmittedObject(string Backend, string ApiVersion, string Kind, string? Namespace, string Name, ObjectNode Body)
{
    /// <summary>The object as a YAML document.</summary>
    public string ToYaml() => YamlText.Write(Body);

    /// <summary>The object as compact JSON.</summary>
    public string ToJson() => JsonText.Write(Body);

    /// <summary>The file name the writer uses: <c>{kind}-{namespace}-{name}.yaml</c>, lowercase.</summary>
    public string FileName => $"{Kind.ToLowerInvariant()}-{(Namespace is null ? "" : Namespace + "-")}{Name}.yaml";
}
