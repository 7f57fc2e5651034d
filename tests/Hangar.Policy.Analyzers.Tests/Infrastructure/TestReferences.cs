using System.Collections.Immutable;
using Hangar.Policy.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>The references every test compilation gets: .NET 10 reference assemblies (offline) and Hangar.Policy.</summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(PolicySet).Assembly.Location),
    ];

    /// <summary>No package download: the test adds <see cref="All"/> itself.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The usings a policy test source starts with.</summary>
    public const string Usings = """
        using System;
        using Hangar.Policy;
        using Hangar.Policy.Building;
        using Hangar.Policy.Manifests;
        using Hangar.Policy.Model;

        """;
}
