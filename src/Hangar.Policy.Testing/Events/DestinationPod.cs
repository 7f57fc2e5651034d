using System.Collections.Immutable;
using System.Net;

namespace Hangar.Policy.Testing.Events;

/// <summary>
/// The pod that finally receives a connection, when the destination is inside the cluster: pod peers of a
/// NetworkPolicy match it by namespace and labels, and a Service address reaches it after DNAT.
/// </summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Labels">The pod's labels.</param>
/// <param name="Address">The pod's own IP, or null when the event's address is the pod's IP.</param>
public sealed record DestinationPod(string Namespace, ImmutableSortedDictionary<string, string> Labels, IPAddress? Address = null)
{
    /// <summary>A pod in <paramref name="namespace"/> with <paramref name="labels"/> (<c>key=value</c> each).</summary>
    public static DestinationPod Of(string @namespace, params string[] labels) =>
        new(@namespace, labels.Select(ParseLabel).ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    /// <summary>The namespace labels Kubernetes sets itself (<c>kubernetes.io/metadata.name</c>).</summary>
    public ImmutableSortedDictionary<string, string> NamespaceLabels =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [new KeyValuePair<string, string>("kubernetes.io/metadata.name", Namespace)]);

    /// <inheritdoc />
    public override string ToString() =>
        $"pod {Namespace}/{{{string.Join(",", Labels.Select(l => $"{l.Key}={l.Value}"))}}}";

    private static KeyValuePair<string, string> ParseLabel(string label)
    {
        var equals = label.IndexOf('=');
        if (equals <= 0)
            throw new ArgumentException($"'{label}' is not a label; write key=value", nameof(label));
        return new(label[..equals], label[(equals + 1)..]);
    }
}
