using System.CommandLine;
using Hangar.Policy.Hosting.Registry;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>registry capture|check --name NAME [--dir DIR] -- COMMAND [ARGS…]</c>: start an MCP server over stdio, list
/// its tools, and write them as <c>NAME.tools.json</c> (capture) or report how they drifted from it (check).
/// </summary>
public sealed class RegistryCommand : IHostCommand
{
    /// <inheritdoc />
    public Command Create(HostContext host)
    {
        var registry = new Command("registry", "Capture MCP servers' tool manifests and check them for drift.");
        registry.Subcommands.Add(Verb(host, "capture", "Start the server, list its tools and write NAME.tools.json.", Capture));
        registry.Subcommands.Add(Verb(host, "check",
            "Start the server, list its tools and report what changed since NAME.tools.json (exit 1 on drift).", Check));
        return registry;
    }

    private static Command Verb(HostContext host, string name, string description,
        Func<HostContext, string, string, string, IReadOnlyList<string>, TimeSpan, int> run)
    {
        var server = new Option<string>("--name", "-n")
        {
            Description = "The server's name; the file is NAME.tools.json.",
            Required = true,
        };
        var dir = new Option<string>("--dir", "-d")
        {
            Description = "The folder of the manifest (default: the current folder).",
            DefaultValueFactory = _ => ".",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the server (default 60).",
            DefaultValueFactory = _ => 60,
        };
        var commandLine = new Argument<string[]>("command")
        {
            Description = "The server's command and arguments, after --.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(name, description) { server, dir, timeout, commandLine };
        command.SetAction(parse =>
        {
            var serverName = parse.GetValue(server)!;
            if (!KubernetesNames.IsDnsLabel(serverName))
            {
                host.Error.WriteLine($"error: --name '{serverName}' must be a server name as the policy uses it " +
                    "(lowercase letters, digits, '-')");
                return ExitCodes.UsageError;
            }

            var words = parse.GetValue(commandLine)!;
            try
            {
                var folder = host.ResolvePath(parse.GetValue(dir)!);
                return run(host, serverName, folder, words[0], words[1..], TimeSpan.FromSeconds(parse.GetValue(timeout)));
            }
            catch (ToolCaptureException e)
            {
                host.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    private static int Capture(HostContext host, string server, string dir, string command, IReadOnlyList<string> args,
        TimeSpan timeout)
    {
        var manifest = ToolManifestCapture.CaptureAsync(server, command, args, host.Options.WorkingDirectory, timeout)
            .GetAwaiter().GetResult();
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, CapturedManifest.FileName(server));
        File.WriteAllText(path, manifest.ToJson());
        host.Out.WriteLine($"captured {manifest.Tools.Count} tools of '{server}' into {host.DisplayPath(path)}");
        return ExitCodes.Success;
    }

    private static int Check(HostContext host, string server, string dir, string command, IReadOnlyList<string> args,
        TimeSpan timeout)
    {
        var path = Path.Combine(dir, CapturedManifest.FileName(server));
        if (!File.Exists(path))
        {
            host.Error.WriteLine(
                $"error: there is no manifest {host.DisplayPath(path)} to check against; run 'registry capture' first");
            return ExitCodes.UsageError;
        }

        var kept = CapturedManifest.Parse(File.ReadAllText(path), server);
        var current = ToolManifestCapture.CaptureAsync(server, command, args, host.Options.WorkingDirectory, timeout)
            .GetAwaiter().GetResult();
        var drift = ManifestDrift.Between(kept, current);
        if (drift.IsEmpty)
        {
            host.Out.WriteLine($"'{server}': {current.Tools.Count} tools, no drift from {host.DisplayPath(path)}");
            return ExitCodes.Success;
        }

        foreach (var line in drift.Lines())
            host.Out.WriteLine(line);
        host.Out.WriteLine($"'{server}' drifted from {host.DisplayPath(path)}: review the changes, " +
            "then run 'registry capture' to accept them");
        return ExitCodes.PolicyErrors;
    }
}
