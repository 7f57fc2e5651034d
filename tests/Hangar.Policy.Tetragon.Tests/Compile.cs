using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Output;
using NuGet.Versioning;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>Compiles policy sets for the Tetragon backend alone.</summary>
internal static class Compile
{
    /// <summary>A cluster with pod, service and DNS facts.</summary>
    public static ClusterFacts Cluster { get; } = new()
    {
        PodCidrs = [IpCidr.Parse("10.244.0.0/16")],
        ServiceCidrs = [IpCidr.Parse("10.96.0.0/12")],
        Dns = DnsService.KubeDns("10.96.0.10"),
        CorporateRanges = [IpCidr.Parse("172.16.0.0/12")],
    };

    public static CompilationResult For(PolicySet set, string? version = null, ClusterFacts? cluster = null)
    {
        var versions = ImmutableDictionary<string, NuGetVersion>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
        if (version is not null)
            versions = versions.Add("tetragon", NuGetVersion.Parse(version));
        return PolicyCompiler.Compile(set, new CompileOptions
        {
            Backends = [new TetragonBackend()],
            Cluster = cluster ?? Cluster,
            EngineVersions = versions,
        });
    }

    /// <summary>Every object as YAML documents separated by <c>---</c>.</summary>
    public static string Yaml(CompilationResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return string.Join("---\n", result.Objects.Select(o => o.ToYaml()));
    }

    /// <summary>The kprobes of every object, flattened.</summary>
    public static IEnumerable<ObjectNode> Kprobes(CompilationResult result) =>
        result.Objects.SelectMany(o => (List<ObjectNode>)o.Body.Node("spec")!["kprobes"]!);

    /// <summary>The selectors of every kprobe, flattened.</summary>
    public static IEnumerable<ObjectNode> Selectors(CompilationResult result) =>
        Kprobes(result).SelectMany(k => (List<ObjectNode>)k["selectors"]!);

    /// <summary>The values of every matchArg with <paramref name="op"/>, per selector.</summary>
    public static IEnumerable<List<string>> Values(CompilationResult result, string op) =>
        Selectors(result).SelectMany(s => (List<ObjectNode>?)s["matchArgs"] ?? [])
            .Where(a => (string)a["operator"]! == op).Select(a => (List<string>)a["values"]!);

    /// <summary>The actions of every selector.</summary>
    public static IEnumerable<string> Actions(CompilationResult result) => result.Objects.SelectMany(Actions);

    /// <summary>The actions of every selector of one object.</summary>
    public static IEnumerable<string> Actions(EmittedObject obj) =>
        ((List<ObjectNode>)obj.Body.Node("spec")!["kprobes"]!).SelectMany(k => (List<ObjectNode>)k["selectors"]!)
            .SelectMany(s => (List<ObjectNode>)s["matchActions"]!).Select(a => (string)a["action"]!);
}
