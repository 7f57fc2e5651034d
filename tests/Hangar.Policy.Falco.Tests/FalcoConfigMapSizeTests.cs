using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Falco.Tests;

/// <summary>Kubernetes rejects objects over 1 MiB: a rules ConfigMap that large is a compile error, never emitted.</summary>
public sealed class FalcoConfigMapSizeTests
{
    private static PolicySet Workspaces(int count)
    {
        var builder = PolicySet.Named("acme-mcp");
        for (var i = 0; i < count; i++)
            builder = builder.Workspace($"team-{i}", ws => ws.DenyLoopback().DenyCloudMetadata()
                .Server("fetch", s => s.DenyExec("/usr/bin/curl")));
        return builder.Build();
    }

    [Fact]
    public void RulesOverTheConfigMapLimit_AreAnErrorNamingSizeAndFix()
    {
        var result = Emission.Compile(Workspaces(400));

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticIds.EngineLimitExceeded, error.Id);
        Assert.Contains("900,000 bytes", error.Problem, StringComparison.Ordinal);
        Assert.Contains("several policy sets", error.Fix, StringComparison.Ordinal);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void RulesUnderTheConfigMapLimit_AreEmitted()
    {
        var result = Emission.Compile(Workspaces(20));

        Assert.True(result.Succeeded);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Assert.Single(result.Objects).ToYaml()) < FalcoRulesFileLimit);
    }

    private const int FalcoRulesFileLimit = 900_000;
}
