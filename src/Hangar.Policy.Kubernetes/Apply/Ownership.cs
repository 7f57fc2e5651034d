using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>
/// The ownership labels every object of a policy set carries (managed-by <c>hangar-policy</c> and the policy set's
/// name): apply refuses objects without them, never touches live objects without them, and prune deletes only
/// objects with them.
/// </summary>
public static class Ownership
{
    /// <summary>The label selector of <paramref name="policySet"/>'s objects.</summary>
    public static string Selector(string policySet) =>
        $"{HangarLabels.ManagedBy}={HangarLabels.ManagedByValue},{HangarLabels.PolicySet}={policySet}";

    /// <summary>True when <paramref name="obj"/> carries both labels of <paramref name="policySet"/>.</summary>
    public static bool IsOwnedBy(JsonObject obj, string policySet)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var labels = obj["metadata"]?["labels"] as JsonObject;
        return Label(labels, HangarLabels.ManagedBy) == HangarLabels.ManagedByValue
            && Label(labels, HangarLabels.PolicySet) == policySet;
    }

    /// <summary>Who owns <paramref name="obj"/> by its labels, for messages.</summary>
    public static string Describe(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var labels = obj["metadata"]?["labels"] as JsonObject;
        var set = Label(labels, HangarLabels.PolicySet);
        var manager = Label(labels, HangarLabels.ManagedBy);
        return set is not null && manager == HangarLabels.ManagedByValue
            ? $"it belongs to policy set '{set}'"
            : manager is not null ? $"it is managed by '{manager}'" : "it carries no Hangar.Policy ownership labels";
    }

    private static string? Label(JsonObject? labels, string key) =>
        labels?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
