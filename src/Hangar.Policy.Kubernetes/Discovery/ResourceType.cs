namespace Hangar.Policy.Kubernetes.Discovery;

/// <summary>A resource type the API server serves, as discovery describes it.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The version, e.g. <c>v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>NetworkPolicy</c>.</param>
/// <param name="Plural">The resource name in URLs, e.g. <c>networkpolicies</c>.</param>
/// <param name="Namespaced">True when objects live in namespaces.</param>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary>The apiVersion objects of this type carry.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The URL of the collection: in <paramref name="namespace"/>, or across all namespaces when null.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && @namespace is not null
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
    }

    /// <summary>The URL of one object.</summary>
    public string ObjectPath(string? @namespace, string name) =>
        $"{CollectionPath(Namespaced ? @namespace ?? "default" : null)}/{Uri.EscapeDataString(name)}";

    /// <summary>Splits an apiVersion into group and version.</summary>
    public static (string Group, string Version) Split(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }
}
