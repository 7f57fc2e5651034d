using System.Diagnostics;
using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

/// <summary>
/// What emit takes for its own in an output folder: only regular files in engine folders that carry the managed-by
/// label as a label, and the hidden folders an interrupted emit of the same folder left; nothing else is touched.
/// </summary>
public sealed class OutputFolderOwnershipTests : IDisposable
{
    private const string LabelInAComment = "# app.kubernetes.io/managed-by: hangar-policy\n";

    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private static PolicySet Policy() => PolicySet.Named("p").Workspace("acme", ws => ws.DenyCloudMetadata()
        .Server("fetch", s => s.DenyLoopback())).Build();

    [Theory]
    [InlineData("out/mine/precious.yaml")]
    [InlineData("out/networkpolicy/my-notes.yaml")]
    public void FileMentioningTheLabelInAComment_IsRefusedAndSurvives(string path)
    {
        _cli.Run(Policy, "emit", "--out", "out");
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.Path(path))!);
        _cli.WriteFile(path, LabelInAComment);

        var run = _cli.Run(Policy, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("holds what emit did not write", run.Error);
        Assert.Equal(LabelInAComment, File.ReadAllText(_cli.Path(path)));
    }

    [Fact]
    public void LabelledObjectOutsideAnEngineFolder_IsRefused()
    {
        _cli.Run(Policy, "emit", "--out", "out");
        var ours = Directory.EnumerateFiles(_cli.Path("out", "networkpolicy")).First();
        Directory.CreateDirectory(_cli.Path("out", "mine"));
        _cli.WriteFile("out/mine/copy.yaml", File.ReadAllText(ours));

        var run = _cli.Run(Policy, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("mine/ (not a folder emit writes)", run.Error);
        Assert.True(File.Exists(_cli.Path("out", "mine", "copy.yaml")));
    }

    [Fact]
    public void SecondDocumentWithoutTheLabel_MakesTheFileForeign()
    {
        _cli.Run(Policy, "emit", "--out", "out");
        var ours = Directory.EnumerateFiles(_cli.Path("out", "networkpolicy")).First();
        File.AppendAllText(ours, "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mine\n");

        var run = _cli.Run(Policy, "emit", "--out", "out");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"networkpolicy/{Path.GetFileName(ours)}", run.Error);
        Assert.Contains("name: mine", File.ReadAllText(ours));
    }

    [Fact]
    public async Task NamedPipeInAnEngineFolder_IsRefusedWithoutBeingOpened()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Skip("named pipes are made with mkfifo, which this test runs on Linux only");
        _cli.Run(Policy, "emit", "--out", "out");
        using (var mkfifo = Process.Start("mkfifo", [_cli.Path("out", "networkpolicy", "x.yaml")]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var cancel = TestContext.Current.CancellationToken;
        var emit = Task.Run(() => _cli.Run(Policy, "emit", "--out", "out"), cancel);
        var first = await Task.WhenAny(emit, Task.Delay(TimeSpan.FromSeconds(60), cancel));

        Assert.True(first == emit, "emit blocked on the named pipe");
        var run = await emit;
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("networkpolicy/x.yaml (empty, or not a regular file)", run.Error);
    }

    [Fact]
    public void LeftoverOfAnInterruptedEmit_IsRemovedWithANote()
    {
        _cli.Run(Policy, "emit", "--out", "out");
        var leftover = _cli.Path($".out.hangar-new-{Guid.NewGuid():N}");
        CopyFolder(_cli.Path("out"), leftover);

        var run = _cli.Run(Policy, "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.False(Directory.Exists(leftover));
        Assert.Contains("note: removed", run.Error);
        Assert.Contains(Path.GetFileName(leftover), run.Error);
    }

    [Fact]
    public void LeftoverHoldingAForeignFile_IsKept()
    {
        _cli.Run(Policy, "emit", "--out", "out");
        var leftover = _cli.Path($".out.hangar-old-{Guid.NewGuid():N}");
        CopyFolder(_cli.Path("out"), leftover);
        File.WriteAllText(Path.Combine(leftover, "notes.txt"), "mine");

        var run = _cli.Run(Policy, "emit", "--out", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(leftover, "notes.txt")));
        Assert.DoesNotContain("note: removed", run.Error);
    }

    [Theory]
    [InlineData(".out.hangar-new-notaguid")]
    [InlineData(".other.hangar-new-0123456789abcdef0123456789abcdef")]
    public void FolderNotNamedLikeALeftoverOfThisOut_IsKept(string name)
    {
        _cli.Run(Policy, "emit", "--out", "out");
        CopyFolder(_cli.Path("out"), _cli.Path(name));

        _cli.Run(Policy, "emit", "--out", "out");

        Assert.True(Directory.Exists(_cli.Path(name)));
    }

    [Fact]
    public void OutThatIsAMountPoint_IsRefusedNamingTheFix()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Skip("mount points are read from /proc/self/mountinfo, which only Linux has");

        var run = _cli.Run(Policy, "emit", "--out", "/proc");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--out '/proc' is a mount point", run.Error);
        Assert.Contains("emit into a subfolder of it instead, e.g. --out '/proc/policy'", run.Error);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
