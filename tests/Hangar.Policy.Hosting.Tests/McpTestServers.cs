using System.Diagnostics;

namespace Hangar.Policy.Hosting.Tests;

/// <summary>
/// The real MCP servers from npm (tests/mcp-servers/package.json), installed on first use with <c>npm ci</c>
/// when the folder has no node_modules yet. Tests that need them skip, saying why, when Node.js is absent.
/// </summary>
public sealed class McpTestServers
{
    private static readonly Lazy<string?> Problem = new(Install);

    /// <summary>The folder holding package.json and node_modules.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "tests", "mcp-servers");

    /// <summary>The command line that starts <paramref name="package"/>'s server with node.</summary>
    public static (string Command, string[] Arguments) Server(string package, params string[] arguments)
    {
        if (Problem.Value is { } problem)
            Assert.Skip(problem);
        var script = Path.Combine(Folder, "node_modules", "@modelcontextprotocol", package, "dist", "index.js");
        Assert.True(File.Exists(script), $"{script} is missing after npm ci; reinstall tests/mcp-servers");
        return ("node", [script, .. arguments]);
    }

    private static string? Install()
    {
        if (!OnPath("node") || !OnPath("npm"))
            return "Node.js and npm are not on PATH; the registry tests start real MCP servers from npm";
        if (Directory.Exists(Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "server-filesystem")))
            return null;

        var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = Folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = npm.StandardError.ReadToEndAsync();
        npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        Assert.True(npm.ExitCode == 0, $"npm ci in {Folder} failed: {errors.Result}");
        return null;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hangar.Policy.sln")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("the tests run outside the repository: no Hangar.Policy.sln above them");
    }
}
