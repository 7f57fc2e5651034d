using System.Text.Json.Nodes;
using Hangar.Policy.Kubernetes.Discovery;
using Hangar.Policy.Output;

namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>An emitted object with the resource type the cluster serves it as.</summary>
internal sealed record DesiredObject(EmittedObject Emitted, ResourceType Type, JsonObject Body)
{
    public string Path => Type.ObjectPath(Emitted.Namespace, Emitted.Name);

    public ObjectResult Result(ObjectOutcome outcome, string? message = null) =>
        new(Emitted.ApiVersion, Emitted.Kind, Type.Namespaced ? Emitted.Namespace ?? "default" : null, Emitted.Name, outcome, message);

    /// <summary>The identity prune compares by: group, kind, namespace, name (the version does not matter).</summary>
    public static string Identity(string group, string kind, string? @namespace, string name) =>
        $"{group}|{kind}|{@namespace}|{name}";
}
