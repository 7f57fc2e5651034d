using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;
using NuGet.Versioning;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class VersionTests
{
    private static PolicySet Metadata() =>
        PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata().Server("fetch")).Build();

    [Fact]
    public void Backend_WithoutVersion_TargetsTetragon17()
    {
        Assert.Equal(NuGetVersion.Parse("1.7.0"), new TetragonBackend().Features.DefaultVersion);
    }

    [Theory]
    [InlineData("0.11.0")]
    [InlineData("2.0.0")]
    public void Compile_OutsideSupportedVersions_IsAnError(string version)
    {
        var result = Compile.For(Metadata(), version);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Id == DiagnosticIds.EngineVersionTooOld && e.Problem.Contains(version));
    }

    [Theory]
    [InlineData("1.3.0", "tcp_connect", "Sigkill", "DAddr")]
    [InlineData("1.4.0", "security_socket_connect", "Override", "SAddr")]
    public void Deny_PicksTheHookByVersion(string version, string call, string action, string addressOperator)
    {
        var result = Compile.For(Metadata(), version);

        Assert.Equal(call, (string)Compile.Kprobes(result).Single()["call"]!);
        Assert.Equal([action], Compile.Actions(result));
        Assert.Single(Compile.Values(result, addressOperator));
    }

    [Fact]
    public void Deny_OnTcpConnect_ReportsTcpOnlyAndNeedsNoKprobeOption()
    {
        var result = Compile.For(Metadata(), "1.3.0");

        Assert.Contains("TCP only", result.Coverage.Entries.Single().Reason);
        Assert.DoesNotContain("disable-kprobe-multi", result.Objects.Single().ToYaml());
    }

    [Fact]
    public void Deny_OnSecuritySocketConnect_DisablesKprobeMultiForOverride()
    {
        var yaml = Compile.For(Metadata(), "1.7.0").Objects.Single().ToYaml();

        Assert.Contains("- name: disable-kprobe-multi\n    value: \"1\"", yaml);
    }

    [Fact]
    public void UdpOnlyDeny_BeforeTetragon14_IsUnsupportedAndEmitsNothing()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyCidr("192.0.2.0/24", Ports.Udp(53)).Server("dns")).Build();

        var result = Compile.For(set, "1.3.0");

        Assert.Empty(result.Objects);
        Assert.Equal(CoverageStatus.Unsupported, result.Coverage.Entries.Single().Status);
    }

    [Fact]
    public void FeatureTable_HasEveryTagBoundaryFromTheFacts()
    {
        var table = TetragonFeatures.Table;

        Assert.False(table.Supports(TetragonFeatures.SockaddrArguments, NuGetVersion.Parse("1.3.9")));
        Assert.True(table.Supports(TetragonFeatures.SockaddrArguments, NuGetVersion.Parse("1.4.0")));
        Assert.False(table.Supports(TetragonFeatures.IPv4MappedValues, NuGetVersion.Parse("1.4.2")));
        Assert.True(table.Supports(TetragonFeatures.IPv4MappedValues, NuGetVersion.Parse("1.5.0")));
        Assert.False(table.Supports(TetragonFeatures.FollowChildren, NuGetVersion.Parse("1.1.0")));
        Assert.True(table.Supports(TetragonFeatures.FollowChildren, NuGetVersion.Parse("1.2.0")));
        Assert.False(table.Supports(TetragonFeatures.NodeSelector, NuGetVersion.Parse("1.7.0")));
    }
}
