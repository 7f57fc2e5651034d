using Hangar.Policy.Building;
using Hangar.Policy.Hosting.Backends;
using Hangar.Policy.Hosting.Output;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

/// <summary>How emit replaces an existing output folder: whole or not at all, never through a symbolic link.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private static PolicySet TwoServers() => PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata()
        .Server("fetch", s => s.DenyLoopback()).Server("git", s => s.DenyLoopback())).Build();

    private static PolicySet OneServer() => PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata()
        .Server("fetch", s => s.DenyLoopback())).Build();

    [Fact]
    public void EarlierEmission_IsReplacedWhole()
    {
        _cli.Run(TwoServers, "emit", "--out", "out");
        var gitFiles = Snapshot("out").Keys.Where(k => k.Contains("git", StringComparison.Ordinal)).ToList();

        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1 stale removed", run.Out);
        Assert.NotEmpty(gitFiles);
        Assert.All(gitFiles, path => Assert.False(File.Exists(_cli.Path("out", path)), path));
        Assert.Equal(Emitted(OneServer), Snapshot("out"));
    }

    [Fact]
    public void EarlierEmission_LeavesNoStagingFolderBehind()
    {
        _cli.Run(TwoServers, "emit", "--out", "out");

        _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_cli.WorkingDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public void EmptyExistingFolder_IsUsed()
    {
        Directory.CreateDirectory(_cli.Path("out"));

        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(Emitted(OneServer), Snapshot("out"));
    }

    [Fact]
    public void ForeignFile_IsRefusedNamingItAndNothingChanges()
    {
        _cli.Run(TwoServers, "emit", "--out", "out");
        _cli.WriteFile("out/README.md", "mine");
        var before = Snapshot("out");

        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--out", run.Error);
        Assert.Contains("holds what emit did not write: README.md", run.Error);
        Assert.Contains("a folder of its own", run.Error);
        Assert.Equal(before, Snapshot("out"));
    }

    [Fact]
    public void HandWrittenKustomization_IsForeign()
    {
        Directory.CreateDirectory(_cli.Path("out"));
        _cli.WriteFile("out/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" +
            "resources: [deploy.yaml]\npatches: []\n");

        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("did not write: kustomization.yaml", run.Error);
    }

    [Fact]
    public void FailureWhileWriting_LeavesThePreviousGenerationWhole()
    {
        _cli.Run(TwoServers, "emit", "--out", "out");
        var before = Snapshot("out");

        // "a" is written as a file, so "a/b.yaml" cannot be created below it: the write fails half-way.
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["a"] = "x", ["a/b.yaml"] = "y" };
        var error = Assert.Throws<UsageException>(() => OutputFolder.Write(files, _cli.Path("out"),
            BackendRegistry.Default.Names));

        Assert.Contains("the previous content is unchanged", error.Message);
        Assert.Equal(before, Snapshot("out"));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_cli.WorkingDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public void OutIsASymbolicLink_IsRefusedNamingTheTargetAndTheTargetIsUntouched()
    {
        var target = Directory.CreateDirectory(_cli.Path("real"));
        File.WriteAllText(Path.Combine(target.FullName, "keep.txt"), "mine");
        Directory.CreateSymbolicLink(_cli.Path("out"), target.FullName);

        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"is a symbolic link to '{target.FullName}'", run.Error);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(target.FullName).Select(Path.GetFileName));
        Assert.NotNull(new DirectoryInfo(_cli.Path("out")).LinkTarget);
    }

    [Fact]
    public void LinkToAFileOutsideAmongEmittedFiles_IsRefusedAndTheFileOutsideSurvives()
    {
        _cli.Run(TwoServers, "emit", "--out", "out");
        var gitFile = Snapshot("out").Keys.First(k => k.Contains("git", StringComparison.Ordinal));
        var outside = _cli.WriteFile("precious.yaml", File.ReadAllText(_cli.Path("out", gitFile)));
        File.Delete(_cli.Path("out", gitFile));
        File.CreateSymbolicLink(_cli.Path("out", gitFile), outside);

        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"{gitFile} (a symbolic link to {outside})", run.Error);
        Assert.True(File.Exists(outside));
    }

    [Fact]
    public void LinkedEngineFolder_IsRefusedAndTheFolderOutsideSurvives()
    {
        _cli.Run(TwoServers, "emit", "--out", "out");
        Directory.Move(_cli.Path("out", "networkpolicy"), _cli.Path("elsewhere"));
        Directory.CreateSymbolicLink(_cli.Path("out", "networkpolicy"), _cli.Path("elsewhere"));
        var outside = Directory.EnumerateFiles(_cli.Path("elsewhere")).Order(StringComparer.Ordinal).ToList();

        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("networkpolicy (a symbolic link to", run.Error);
        Assert.Equal(outside, Directory.EnumerateFiles(_cli.Path("elsewhere")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PolicySetWithoutRules_EmitsAnEmptyKustomizationWithANote()
    {
        var run = _cli.Run(() => PolicySet.Named("quiet").Workspace("acme", ws => ws.Server("fetch", _ => { })).Build(),
            "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("note: policy set 'quiet' has no rules, so it emits no objects", run.Error);
        Assert.Equal(["kustomization.yaml"], Snapshot("out").Keys);
    }

    [Fact]
    public void RulesNoSelectedEngineEmits_GetANote()
    {
        var run = _cli.Run(() => PolicySet.Named("p").Workspace("acme", ws => ws.DenyExec("/tmp/")
            .Server("fetch", _ => { })).Build(), "emit", "--out", "out", "--engines", "networkpolicy");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("note: none of the engines networkpolicy emits an object for the 1 rules", run.Error);
    }

    [Fact]
    public void PolicySetWithRules_GetsNoNote()
    {
        var run = _cli.Run(OneServer, "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("note:", run.Error);
    }

    private SortedDictionary<string, string> Emitted(Func<PolicySet> policy)
    {
        using var other = new CommandLine();
        other.Run(policy, "emit", "--out", "out");
        return new(Directory.EnumerateFiles(other.Path("out"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(other.Path("out"), f), File.ReadAllText), StringComparer.Ordinal);
    }

    private SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(_cli.Path(folder), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_cli.Path(folder), f), File.ReadAllText), StringComparer.Ordinal);
}
