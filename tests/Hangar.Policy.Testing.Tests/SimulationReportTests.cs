using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Assertions;

namespace Hangar.Policy.Testing.Tests;

public sealed class SimulationReportTests
{
    private static PolicySimulator Simulator() => PolicySimulator.Compile(
        PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.DenyLoopback().Server("fetch", _ => { })).Build(),
        new CompileOptions());

    [Fact]
    public void ShouldBeAllowed_OnBlockedEvent_ExplainsTheVerdict()
    {
        var error = Assert.Throws<PolicyAssertionException>(() =>
            Simulator().Connect().From("acme/fetch").To("[::ffff:127.0.0.1]:3000").ShouldBeAllowed());

        Assert.Contains("connect from acme/fetch to [::ffff:127.0.0.1]:3000/TCP", error.Message);
        Assert.Contains("model says blocked", error.Message);
        Assert.Contains("acme/deny-loopback", error.Message);
    }

    [Fact]
    public void ShouldBeBlockedBy_UncompiledBackend_NamesTheCompiledOnes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Simulator().Connect().From("acme/fetch").To("127.0.0.1:3000").ShouldBeBlockedBy("tetragon"));

        Assert.Contains("'tetragon' was not compiled", error.Message);
    }

    [Fact]
    public void Probe_WithoutDestination_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Simulator().Connect().From("acme/fetch").Evaluate());

        Assert.Contains("To(\"address:port\")", error.Message);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("::1:80")]
    [InlineData("[::1]:0")]
    [InlineData("0177.0.0.1:80x")]
    public void ParseEndpoint_RejectsMalformedEndpoints(string endpoint)
    {
        Assert.Throws<ArgumentException>(() => Events.ConnectEvent.ParseEndpoint(endpoint));
    }
}
