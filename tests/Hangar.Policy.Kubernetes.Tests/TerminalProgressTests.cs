using Hangar.Policy.Kubernetes.Apply;

namespace Hangar.Policy.Kubernetes.Tests;

public sealed class TerminalProgressTests
{
    private static readonly ObjectResult Created = new("v1", "ConfigMap", "acme", "falco-rules", ObjectOutcome.Created, null);

    [Fact]
    public void Report_InteractiveLongBatch_RedrawsOneLineAndClearsItWhenComplete()
    {
        var writer = new StringWriter();
        var progress = new TerminalProgress(writer, interactive: true, threshold: 2);

        progress.Report(1, 2, Created);
        progress.Complete();

        Assert.StartsWith("\r[1/2] ConfigMap acme/falco-rules created", writer.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RedirectedOutput_WritesNothing()
    {
        var writer = new StringWriter();
        var progress = new TerminalProgress(writer, interactive: false, threshold: 1);

        progress.Report(1, 5, Created);
        progress.Complete();

        Assert.Equal("", writer.ToString());
    }
}
