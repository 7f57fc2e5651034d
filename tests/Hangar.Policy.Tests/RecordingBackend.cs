using Hangar.Policy.Compilation;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;
using NuGet.Versioning;

namespace Hangar.Policy.Tests;

/// <summary>A backend for testing the compiler's contract: one ConfigMap per target, coverage as configured.</summary>
internal sealed class RecordingBackend(string name, CoverageStatus status = CoverageStatus.Enforced,
    bool failWithError = false) : IPolicyBackend
{
    public string Name => name;

    public EngineFeatureTable Features { get; } = new("Recorder", NuGetVersion.Parse("2.0.0"), VersionRange.Parse("[1.0.0, 3.0.0)"), []);

    public List<BackendContext> Seen { get; } = [];

    public BackendOutput Compile(BackendContext context)
    {
        Seen.Add(context);
        var output = new BackendOutput();
        foreach (var target in context.Policy.Targets)
        {
            output.Objects.Add(new EmittedObject(Name, "v1", "ConfigMap", target.Namespace, $"{Name}-{target.Server}", new ObjectNode
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = ObjectMetadata.Create(context, $"{Name}-{target.Server}", target.Namespace, target.AllRules),
            }));
            foreach (var rule in target.AllRules)
                output.Coverage.Add(new CoverageEntry(rule.Id, Name, status, $"{target.Server} {status}"));
        }
        if (failWithError)
            output.Diagnostics.Add(context.Diagnostic("HANGAR0203", DiagnosticSeverity.Error, "engine", "cannot", "upgrade"));
        return output;
    }
}
