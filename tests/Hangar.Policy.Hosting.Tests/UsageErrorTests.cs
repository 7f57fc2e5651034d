using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

public sealed class UsageErrorTests : IDisposable
{
    private readonly CommandLine _cli = new();

    private static PolicySet Policy() => PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("10.0.0.0/8")).Build();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void NoVerb_ExitsTwo()
    {
        var run = _cli.Run(Policy);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--help", run.Error);
    }

    [Fact]
    public void UnknownFlag_ExitsTwoNamingTheFlag()
    {
        var run = _cli.Run(Policy, "validate", "--bogus");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--bogus", run.Error);
    }

    [Fact]
    public void EmitWithoutOut_ExitsTwo()
    {
        var run = _cli.Run(Policy, "emit");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--out", run.Error);
    }

    [Fact]
    public void UnknownEngine_ExitsTwoNamingTheEngineAndTheKnownOnes()
    {
        var run = _cli.Run(Policy, "validate", "--engines", "nftables");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'nftables'", run.Error);
        Assert.Contains("known engines", run.Error);
    }

    [Fact]
    public void UnknownEngineInConfig_ExitsTwoNamingTheConfig()
    {
        _cli.WriteFile("hangar.yaml", "policy_engines: [nftables]\n");

        var run = _cli.Run(Policy, "validate");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("policy_engines of hangar.yaml", run.Error);
    }

    [Fact]
    public void VersionOfUnknownEngineInConfig_ExitsTwoNamingTheKeyAndTheKnownEngines()
    {
        _cli.WriteFile("hangar.yaml", "engine_versions:\n  tetragn: 1.5.0\n");

        var run = _cli.Run(Policy, "validate");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("engine_versions.tetragn: 'tetragn' is not a known engine", run.Error);
        Assert.Contains("falco, kubearmor, networkpolicy, tetragon", run.Error);
    }

    [Fact]
    public void MissingConfigFile_ExitsTwo()
    {
        var run = _cli.Run(Policy, "validate", "--config", "nowhere/hangar.yaml");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("nowhere/hangar.yaml", run.Error);
    }

    [Fact]
    public void MalformedConfig_ExitsTwoNamingKeyAndValue()
    {
        _cli.WriteFile("bad.yaml", "cluster:\n  pod_cidrs: [10.244.0.1/16]\n");

        var run = _cli.Run(Policy, "validate", "--config", "bad.yaml");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("cluster.pod_cidrs", run.Error);
        Assert.Contains("10.244.0.1/16", run.Error);
    }

    [Fact]
    public void UnknownCoverageFormat_ExitsTwo()
    {
        var run = _cli.Run(Policy, "coverage", "--format", "html");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("html", run.Error);
    }

    [Fact]
    public void NoPolicyAtAll_ExitsTwoSayingHowToDeclareOne()
    {
        var run = _cli.Run([], "validate");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("[HangarPolicy]", run.Error);
    }
}
