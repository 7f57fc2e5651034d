using System.CommandLine;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>The options of every verb that compiles the policy: <c>--engines a,b</c> and <c>--config hangar.yaml</c>.</summary>
public sealed class CompileInputs
{
    /// <summary>The engines to compile for, comma-separated or repeated.</summary>
    public Option<string[]> Engines { get; } = new("--engines", "-e")
    {
        Description = "Engines to compile for, comma-separated (e.g. networkpolicy,tetragon). " +
            "Default: policy_engines from hangar.yaml, else networkpolicy.",
        HelpName = "a,b",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The config file.</summary>
    public Option<string> Config { get; } = new("--config", "-c")
    {
        Description = "The hangar.yaml with engines, engine versions and cluster facts. " +
            "Default: hangar.yaml in the current folder, else beside the policy project's build output.",
        HelpName = "hangar.yaml",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Engines);
        command.Options.Add(Config);
    }

    /// <summary>Builds and compiles the project's policy sets with the options given in <paramref name="parse"/>.</summary>
    public HostCompilation Compile(ParseResult parse, HostContext host)
    {
        var engines = parse.GetValue(Engines)?
            .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (parse.GetResult(Engines) is { Implicit: false } && (engines is null || engines.Count == 0))
            throw new UsageException("--engines names no engine; write e.g. --engines networkpolicy,tetragon");
        return host.Compile(engines, parse.GetValue(Config));
    }
}
