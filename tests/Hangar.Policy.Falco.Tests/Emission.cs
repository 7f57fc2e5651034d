using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using NuGet.Versioning;

namespace Hangar.Policy.Falco.Tests;

/// <summary>Compiles policies with the Falco backend alone.</summary>
internal static class Emission
{
    public static readonly ClusterFacts Facts = new()
    {
        PodCidrs = [Networking.IpCidr.Parse("10.244.0.0/16")],
        ServiceCidrs = [Networking.IpCidr.Parse("10.96.0.0/16")],
        Dns = DnsService.KubeDns("10.96.0.10"),
    };

    public static CompilationResult Compile(PolicySet set, string? version = null)
    {
        var options = new CompileOptions { Backends = [new FalcoBackend()], Cluster = Facts };
        if (version is not null)
            options = options with { EngineVersions = options.EngineVersions.SetItem("falco", NuGetVersion.Parse(version)) };
        return PolicyCompiler.Compile(set, options);
    }

    public static string RulesFile(CompilationResult result)
    {
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return Assert.Single(result.Files).Content;
    }

    /// <summary>The condition of every rule item of the rules file.</summary>
    public static IReadOnlyList<string> Conditions(string rulesFile) =>
        [.. YamlJson.Documents(rulesFile).Single()!.AsArray().Select(i => i!["condition"]?.GetValue<string>()).OfType<string>()];
}
