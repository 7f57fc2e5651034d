using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Output;

namespace Hangar.Policy.Hosting.Tests;

public sealed class EmitTests : IDisposable
{
    private const string Facts = """
        cluster:
          pod_cidrs: [10.244.0.0/16]
          service_cidrs: [10.96.0.0/16]
          dns: { namespace: kube-system, pod_labels: { k8s-app: kube-dns } }
        """;

    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private static PolicySet Valid() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.DenyCloudMetadata().DenyClusterInternal()
            .Server("fetch", s => s.DefaultDenyEgress().AllowEgress("0.0.0.0/0", Ports.Tcp(443))))
        .Build();

    private static PolicySet BadCidr() => PolicySet.Named("p")
        .Workspace("acme", ws => ws.DenyCidr("10.0.0.1/8"))
        .Build();

    [Fact]
    public void BadCidr_ExitsOneNamingRuleAndValue()
    {
        var run = _cli.Run(BadCidr, "emit", "--out", "out");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("HANGAR0001", run.Error);
        Assert.Contains("DenyCidr(\"10.0.0.1/8\") at acme", run.Error);
        Assert.Contains("Fix: write DenyCidr(\"10.0.0.0/8\")", run.Error);
    }

    [Fact]
    public void BadCidr_WritesNoFileNorFolder()
    {
        _cli.Run(BadCidr, "emit", "--out", "out/policy");

        Assert.Empty(Directory.EnumerateFileSystemEntries(_cli.WorkingDirectory));
    }

    [Fact]
    public void CompileError_LeavesAnExistingFolderAsItWas()
    {
        Directory.CreateDirectory(_cli.Path("out"));
        var mine = _cli.WriteFile("out/notes.txt", "mine");

        // No cluster facts: DenyClusterInternal cannot resolve, which is a compile error (HANGAR0204).
        var run = _cli.Run(Valid, "emit", "--out", "out");

        Assert.Equal(ExitCodes.PolicyErrors, run.ExitCode);
        Assert.Contains("HANGAR0204", run.Error);
        Assert.Equal([mine], Directory.EnumerateFileSystemEntries(_cli.Path("out"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Success_WritesObjectsPerBackendAndKustomization()
    {
        _cli.WriteFile("hangar.yaml", Facts);

        var run = _cli.Run(Valid, "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var kustomization = File.ReadAllText(_cli.Path("out", ManifestDirectory.KustomizationFile));
        var resources = kustomization.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.StartsWith("networkpolicy/", r));
        Assert.All(resources, r => Assert.True(File.Exists(_cli.Path("out", r)), r));
    }

    [Fact]
    public void Success_PrintsOneSummaryLineAndNoWarningsOnStdout()
    {
        _cli.WriteFile("hangar.yaml", Facts);

        var run = _cli.Run(Valid, "emit", "--out", "out");

        var line = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wrote ", line);
        Assert.Contains("networkpolicy: 1", line);
    }

    [Fact]
    public void Warnings_GoToStderr()
    {
        var run = _cli.Run(() => PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyLoopback().DenyCloudMetadata().Server("fetch", _ => { })).Build(), "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("warning HANGAR0201", run.Error);
        Assert.DoesNotContain("HANGAR0201", run.Out);
    }

    [Fact]
    public void TwoEmits_AreByteIdentical()
    {
        _cli.WriteFile("hangar.yaml", Facts);

        _cli.Run(Valid, "emit", "--out", "first");
        _cli.Run(Valid, "emit", "--out", "second");

        Assert.Equal(Snapshot(_cli.Path("first")), Snapshot(_cli.Path("second")));
    }

    [Fact]
    public void OutIsAFile_ExitsTwoAndLeavesTheFile()
    {
        var file = _cli.WriteFile("taken", "mine");

        var run = _cli.Run(Valid, "emit", "--out", "taken");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("is a file", run.Error);
        Assert.Equal("mine", File.ReadAllText(file));
    }

    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);
}
