using Hangar.Policy.Building;
using Hangar.Policy.Hosting.Commands;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

/// <summary>
/// What explain does with what the user typed: control characters are printed as escapes, never raw; the warnings
/// every run repeats are summarised; an unknown tool gets every way out.
/// </summary>
public sealed class ExplainInputTests : IDisposable
{
    private readonly CommandLine _cli = new();

    public void Dispose() => _cli.Dispose();

    private static PolicySet Policy() => PolicySet.Named("p").Workspace("acme", ws => ws
        .DenyLoopback().DenyCloudMetadata()
        .Server("git", s => s.Tool("git_log", t => t.RunsAs("/usr/bin/git")))).Build();

    private CommandLine.Outcome Explain(params string[] args) =>
        _cli.Run(Policy, ["explain", "--engines", "networkpolicy", .. args]);

    private static IEnumerable<string> Lines(string text) => text.Split('\n');

    [Fact]
    public void BinaryWithANewline_CannotPrintALineOfItsOwn()
    {
        var run = Explain("--from", "git", "--to", "10.0.0.1:443", "--binary", "/usr/bin/git\nwarning: all clear");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain(Lines(run.Out), line => line.StartsWith("warning: all clear", StringComparison.Ordinal));
        Assert.Contains("/usr/bin/git\\nwarning: all clear", run.Out);
    }

    [Fact]
    public void PathWithAnEscapeSequence_IsPrintedEscaped()
    {
        var run = Explain("--from", "git", "--exec", "/usr/bin/\u001b[31mred");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains("/usr/bin/\\u001b[31mred", run.Out);
    }

    [Fact]
    public void BadValueWithANewline_IsEchoedEscapedInTheError()
    {
        var run = Explain("--from", "git", "--to", "10.0.0.1:443", "--binary", "git\nwarning: all clear");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'git\\nwarning: all clear' is not an absolute path", run.Error);
        Assert.DoesNotContain(Lines(run.Error),
            line => line.StartsWith("warning: all clear", StringComparison.Ordinal));
    }

    [Fact]
    public void RulesNoEngineFullyEnforces_AreSummarisedInOneLine()
    {
        var run = Explain("--from", "git", "--to", "127.0.0.1:80");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var warnings = Lines(run.Error).Where(l => l.Contains("HANGAR0201", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Matches(
            @"^warning HANGAR0201: \d+ rules? (is|are) not fully enforced by any selected engine; run 'coverage'", warning);
    }

    [Fact]
    public void RulesNoEngineFullyEnforces_AreListedInFullWithVerbose()
    {
        var run = Explain("--from", "git", "--to", "127.0.0.1:80", "--verbose");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("warning HANGAR0201: policy 'p'", run.Error);
        Assert.DoesNotContain("not fully enforced by any selected engine; run 'coverage'", run.Error);
    }

    [Fact]
    public void UnknownToolOfAServerWithoutManifest_SuggestsTheServerAndTheManifest()
    {
        var run = Explain("--from", "git/git_status", "--to", "10.0.0.1:443");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("server 'acme/git' has no tool 'git_status'; its tools are: git_log", run.Error);
        Assert.Contains("write --from git to explain it as the server", run.Error);
        Assert.Contains("WithToolManifest", run.Error);
    }

    [Fact]
    public void NoPolicy_SaysTheCatalogGeneratorDidNotRunAndHowToReferenceIt()
    {
        var run = _cli.Run([], "validate");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("the policy catalog generator did not run", run.Error);
        Assert.Contains("OutputItemType=\"Analyzer\"", run.Error);
    }

    [Theory]
    [InlineData("plain /usr/bin/git", "plain /usr/bin/git")]
    [InlineData("a\nb\r\tc", "a\\nb\\r\\tc")]
    [InlineData("\u001b[2J", "\\u001b[2J")]
    [InlineData("right\u202eto-left", "right\\u202eto-left")]
    public void Escape_MakesControlCharactersVisible(string input, string expected) =>
        Assert.Equal(expected, InputText.Escape(input));
}
