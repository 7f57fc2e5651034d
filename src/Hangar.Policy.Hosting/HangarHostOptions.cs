using Hangar.Policy.Hosting.Backends;
using Hangar.Policy.Hosting.Commands;

namespace Hangar.Policy.Hosting;

/// <summary>Where the command line reads and writes, and what it knows. Every default suits a <c>dotnet run</c> project.</summary>
public sealed record HangarHostOptions
{
    /// <summary>Where results go (summaries, coverage). Default: <see cref="Console.Out"/>.</summary>
    public TextWriter Out { get; init; } = Console.Out;

    /// <summary>Where errors and warnings go. Default: <see cref="Console.Error"/>.</summary>
    public TextWriter Error { get; init; } = Console.Error;

    /// <summary>The folder relative paths (<c>--out</c>, <c>--config</c>) start from. Default: the current directory.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// The folder of the policy project's build output, searched for <c>hangar.yaml</c> after
    /// <see cref="WorkingDirectory"/> so that a project run from anywhere finds the config it ships.
    /// Default: <see cref="AppContext.BaseDirectory"/>; null searches the working directory only.
    /// </summary>
    public string? ApplicationDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>The backends engines are looked up in. Default: <see cref="BackendRegistry.Default"/>.</summary>
    public BackendRegistry Backends { get; init; } = BackendRegistry.Default;

    /// <summary>Commands to offer besides the built-in ones. Default: none.</summary>
    public IReadOnlyList<IHostCommand> ExtraCommands { get; init; } = [];
}
