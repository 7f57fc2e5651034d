using Hangar.Policy.Configuration;

namespace Hangar.Policy.Tests;

public sealed class EngineOptionsSectionTests
{
    private static readonly Dictionary<string, int> Levels = new(StringComparer.Ordinal) { ["low"] = 1, ["high"] = 2 };

    private static EngineOptionsSection Section(string yaml) =>
        HangarConfig.Parse(yaml, "hangar.yaml").EngineOptions["kubearmor"];

    [Fact]
    public void Parse_EngineOptions_KeepsEachEngineSectionByName()
    {
        var config = HangarConfig.Parse("""
            engine_options:
              KubeArmor: { posture: { file: block } }
              falco: { namespace: security }
            """);

        Assert.Equal(["falco", "kubearmor"], config.EngineOptions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("engine_options.kubearmor", config.EngineOptions["kubearmor"].Path);
        Assert.Equal("block", config.EngineOptions["kubearmor"].Section("posture").Value("file"));
    }

    [Fact]
    public void Parse_EngineOptionsNotAMapping_NamesTheKey()
    {
        var error = Assert.Throws<HangarConfigException>(() => HangarConfig.Parse("engine_options:\n  kubearmor: block"));

        Assert.Equal("engine_options.kubearmor", error.Key);
    }

    [Fact]
    public void Parse_WithoutEngineOptions_HasNone()
    {
        Assert.Empty(HangarConfig.Parse("policy_engines: [kubearmor]").EngineOptions);
    }

    [Fact]
    public void AllowOnly_UnknownKey_NamesItAndTheAllowedKeys()
    {
        var section = Section("engine_options:\n  kubearmor: { postures: {} }");

        var error = Assert.Throws<HangarConfigException>(() => section.AllowOnly("posture", "severity"));

        Assert.Equal("engine_options.kubearmor.postures", error.Key);
        Assert.Contains("unknown key 'postures'", error.Message);
        Assert.Contains("use posture or severity", error.Message);
    }

    [Fact]
    public void Choice_ValueOutsideTheChoices_NamesTheValueAndTheAllowedOnes()
    {
        var section = Section("engine_options:\n  kubearmor: { level: medium }");

        var error = Assert.Throws<HangarConfigException>(() => section.Choice("level", Levels));

        Assert.Equal("engine_options.kubearmor.level", error.Key);
        Assert.Contains("'medium' is not allowed", error.Message);
        Assert.Contains("use low or high", error.Message);
    }

    [Fact]
    public void Choice_KnownValue_ReturnsItsMeaning()
    {
        Assert.Equal(2, Section("engine_options:\n  kubearmor: { level: high }").Choice("level", Levels));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("five")]
    [InlineData("-3")]
    public void Integer_OutsideTheRange_IsRejected(string value)
    {
        var section = Section($"engine_options:\n  kubearmor: {{ severity: {value} }}");

        var error = Assert.Throws<HangarConfigException>(() => section.Integer("severity", 1, 10));

        Assert.Contains($"'{value}' is not a whole number from 1 to 10", error.Message);
    }

    [Fact]
    public void Value_OfAMapping_IsRejected()
    {
        var section = Section("engine_options:\n  kubearmor: { posture: { file: block } }");

        var error = Assert.Throws<HangarConfigException>(() => section.Value("posture"));

        Assert.Equal("engine_options.kubearmor.posture", error.Key);
    }
}
