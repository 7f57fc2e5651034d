using Hangar.Policy.Configuration;

namespace Hangar.Policy.KubeArmor.Tests;

public sealed class KubeArmorOptionsConfigTests
{
    private static KubeArmorOptions Read(string section) =>
        KubeArmorOptions.From(HangarConfig.Parse($"engine_options:\n  kubearmor: {section}").EngineOptions["kubearmor"]);

    [Fact]
    public void From_Postures_ReadsEachOne()
    {
        var options = Read("{ posture: { file: block, network: audit, capabilities: block }, severity: 7 }");

        Assert.Equal(KubeArmorPosture.Block, options.FilePosture);
        Assert.Equal(KubeArmorPosture.Audit, options.NetworkPosture);
        Assert.Equal(KubeArmorPosture.Block, options.CapabilitiesPosture);
        Assert.Equal(7, options.Severity);
    }

    [Fact]
    public void From_NoSection_GivesTheDefaults()
    {
        var options = KubeArmorOptions.From(null);

        Assert.Equal(new KubeArmorOptions(), options);
        Assert.Null(options.FilePosture);
    }

    [Fact]
    public void From_AbsentPostureKey_LeavesItUndeclared()
    {
        var options = Read("{ posture: { file: audit } }");

        Assert.Equal(KubeArmorPosture.Audit, options.FilePosture);
        Assert.Null(options.NetworkPosture);
    }

    [Fact]
    public void From_UnknownPostureValue_NamesKeyValueAndAllowedValues()
    {
        var error = Assert.Throws<HangarConfigException>(() => Read("{ posture: { file: enforce } }"));

        Assert.Equal("engine_options.kubearmor.posture.file", error.Key);
        Assert.Contains("'enforce' is not allowed", error.Message);
        Assert.Contains("use audit or block", error.Message);
    }

    [Fact]
    public void From_PostureValueInAnotherCase_IsRejected()
    {
        var error = Assert.Throws<HangarConfigException>(() => Read("{ posture: { file: Block } }"));

        Assert.Contains("'Block' is not allowed", error.Message);
    }

    [Fact]
    public void From_ProcessPosture_SaysProcessesFollowTheFilePosture()
    {
        var error = Assert.Throws<HangarConfigException>(() => Read("{ posture: { process: block } }"));

        Assert.Equal("engine_options.kubearmor.posture.process", error.Key);
        Assert.Contains("processes follow the file posture", error.Message);
    }

    [Fact]
    public void From_UnknownKey_NamesItAndTheKnownKeys()
    {
        var error = Assert.Throws<HangarConfigException>(() => Read("{ default_posture: block }"));

        Assert.Equal("engine_options.kubearmor.default_posture", error.Key);
        Assert.Contains("use posture or severity", error.Message);
    }

    [Fact]
    public void From_SeverityOutOfRange_IsRejected()
    {
        var error = Assert.Throws<HangarConfigException>(() => Read("{ severity: 11 }"));

        Assert.Equal("engine_options.kubearmor.severity", error.Key);
    }
}
