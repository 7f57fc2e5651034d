using System.Text.Json;
using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

/// <summary><c>engine_options</c> in hangar.yaml, handed by the command line to the engines' backends.</summary>
public sealed class EngineOptionsTests : IDisposable
{
    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private static PolicySet Policy() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.Server("git", s => s.AllowExec("/usr/bin/git").DenyFileWritesOutside("/projects/")))
        .Build();

    private string KubeArmorStatus(string intent)
    {
        var run = _cli.Run(Policy, "coverage", "--format", "json", "--engines", "kubearmor");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.EnumerateArray()
            .Single(r => r.GetProperty("rule").GetString()!.Contains(intent, StringComparison.Ordinal))
            .GetProperty("status").GetString()!;
    }

    [Fact]
    public void KubeArmorFilePostureBlock_MakesAllowlistsEnforced()
    {
        _cli.WriteFile("hangar.yaml", "engine_options:\n  kubearmor:\n    posture: { file: block }\n");

        Assert.Equal("enforced", KubeArmorStatus("allow-exec"));
        Assert.Equal("enforced", KubeArmorStatus("deny-file-writes-outside"));
    }

    [Fact]
    public void KubeArmorWithoutPosture_LeavesAllowlistsDetected()
    {
        _cli.WriteFile("hangar.yaml", "policy_engines: [kubearmor]\n");

        Assert.Equal("detected", KubeArmorStatus("allow-exec"));
    }

    [Fact]
    public void KubeArmorBadPosture_IsAUsageErrorNamingKeyValueAndAllowedValues()
    {
        _cli.WriteFile("hangar.yaml", "engine_options:\n  kubearmor:\n    posture: { file: strict }\n");

        var run = _cli.Run(Policy, "coverage", "--engines", "kubearmor");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("engine_options.kubearmor.posture.file", run.Error);
        Assert.Contains("'strict'", run.Error);
        Assert.Contains("audit or block", run.Error);
    }

    [Fact]
    public void OptionsOfAnEngineNotSelected_AreStillChecked()
    {
        _cli.WriteFile("hangar.yaml", "engine_options:\n  kubearmor:\n    posture: { files: block }\n");

        var run = _cli.Run(Policy, "coverage", "--engines", "networkpolicy");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("engine_options.kubearmor.posture.files", run.Error);
    }

    [Fact]
    public void OptionsOfAnUnknownEngine_AreAUsageError()
    {
        _cli.WriteFile("hangar.yaml", "engine_options:\n  kubearmour: { posture: { file: block } }\n");

        var run = _cli.Run(Policy, "coverage");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("unknown engine 'kubearmour'", run.Error);
        Assert.Contains("kubearmor", run.Error);
    }

    [Fact]
    public void OptionsOfAnEngineWithoutOptions_AreAUsageError()
    {
        _cli.WriteFile("hangar.yaml", "engine_options:\n  tetragon: { mode: strict }\n");

        var run = _cli.Run(Policy, "coverage");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("engine 'tetragon' takes no options", run.Error);
    }

    [Fact]
    public void FalcoNamespace_PutsTheRulesConfigMapThere()
    {
        _cli.WriteFile("hangar.yaml", "engine_options:\n  falco: { namespace: security }\n");

        var run = _cli.Run(Policy, "emit", "--out", "out", "--engines", "falco");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var configMap = Directory.EnumerateFiles(_cli.Path("out"), "*.yaml", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Single(t => t.Contains("kind: ConfigMap", StringComparison.Ordinal));
        Assert.Contains("namespace: security", configMap);
    }
}
