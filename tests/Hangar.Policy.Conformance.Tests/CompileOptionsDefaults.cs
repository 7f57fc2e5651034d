using System.Collections.Immutable;
using NuGet.Versioning;

namespace Hangar.Policy.Conformance.Tests;

/// <summary>An empty engine-version map with the comparer <see cref="Compilation.CompileOptions"/> uses.</summary>
internal static class CompileOptionsDefaults
{
    public static ImmutableDictionary<string, NuGetVersion> NoVersions { get; } =
        ImmutableDictionary<string, NuGetVersion>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
}
