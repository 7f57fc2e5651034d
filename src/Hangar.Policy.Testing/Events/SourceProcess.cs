using System.Collections.Immutable;

namespace Hangar.Policy.Testing.Events;

/// <summary>What an engine knows of the process behind an event: its pod's namespace and labels, and its executable.</summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="PodLabels">The pod's labels.</param>
/// <param name="Binary">The absolute path of the executable.</param>
public sealed record SourceProcess(string Namespace, ImmutableSortedDictionary<string, string> PodLabels, string Binary);
