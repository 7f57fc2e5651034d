using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using NuGet.Versioning;

namespace Hangar.Policy.KubeArmor.Tests;

/// <summary>Compiles policies with the KubeArmor backend alone and renders what it emits.</summary>
internal static class Emission
{
    public static CompilationResult Compile(PolicySet set, KubeArmorOptions? options = null, string? version = null)
    {
        var compileOptions = new CompileOptions { Backends = [new KubeArmorBackend(options)] };
        if (version is not null)
        {
            var versions = compileOptions.EngineVersions.SetItem("kubearmor", NuGetVersion.Parse(version));
            compileOptions = compileOptions with { EngineVersions = versions };
        }
        return PolicyCompiler.Compile(set, compileOptions);
    }

    /// <summary>Every emitted object as one multi-document YAML text, in emission order.</summary>
    public static string Yaml(CompilationResult result)
    {
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return string.Join("---\n", result.Objects.Select(o => o.ToYaml()));
    }

    public static CoverageEntry Coverage(CompilationResult result, string intentPrefix) =>
        Assert.Single(result.Coverage.Entries, e => e.RuleId.Value.Split('/').Last().StartsWith(intentPrefix, StringComparison.Ordinal));

    public static ObjectNode Spec(EmittedObject obj) => obj.Body.Node("spec")!;
}
