using Hangar.Policy.Output;

namespace Hangar.Policy.Compilation;

/// <summary>Builds the <c>metadata</c> every emitted object carries: name, namespace, ownership labels, rule ids.</summary>
public static class ObjectMetadata
{
    /// <summary>
    /// The metadata node for an object of <paramref name="context"/>'s policy set. Labels: managed-by and
    /// policy-set (what prune relies on), plus <paramref name="extraLabels"/>. Annotation
    /// <see cref="HangarLabels.RulesAnnotation"/>: the sorted ids of <paramref name="rules"/>.
    /// </summary>
    public static ObjectNode Create(BackendContext context, string name, string? @namespace, IEnumerable<ResolvedRule> rules,
        IEnumerable<KeyValuePair<string, string>>? extraLabels = null)
    {
        var labels = new ObjectNode
        {
            [HangarLabels.ManagedBy] = HangarLabels.ManagedByValue,
            [HangarLabels.PolicySet] = context.Policy.Name,
        };
        foreach (var (key, value) in (extraLabels ?? []).OrderBy(l => l.Key, StringComparer.Ordinal))
            labels[key] = value;

        var metadata = new ObjectNode { ["name"] = name };
        if (@namespace is not null)
            metadata["namespace"] = @namespace;
        metadata["labels"] = labels;
        metadata["annotations"] = new ObjectNode
        {
            [HangarLabels.RulesAnnotation] = string.Join(",", rules.Select(r => r.Id.Value).Distinct().Order(StringComparer.Ordinal)),
        };
        return metadata;
    }
}
