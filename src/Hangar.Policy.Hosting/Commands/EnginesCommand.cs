using System.CommandLine;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>engines [--format table|names]</c>: the engines this command line can emit for, with the versions each
/// backend targets by default and supports.
/// </summary>
public sealed class EnginesCommand : HostCommand
{
    private readonly Option<string> _format = new Option<string>("--format", "-f")
    {
        Description = "table (default), or names: the engine names comma-separated, as --engines takes them.",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "names");

    /// <inheritdoc />
    public override string Name => "engines";

    /// <inheritdoc />
    public override string Description => "List the engines this project can compile for, with their versions.";

    /// <inheritdoc />
    protected override void AddOptions(Command command) => command.Options.Add(_format);

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        var names = host.Options.Backends.Names.ToList();
        if (parse.GetValue(_format) == "names")
        {
            host.Out.WriteLine(string.Join(",", names));
            return ExitCodes.Success;
        }

        List<IReadOnlyList<string>> rows = [["ENGINE", "EMITS FOR", "DEFAULT VERSION", "SUPPORTED VERSIONS"]];
        foreach (var backend in host.Options.Backends.Resolve(names, "the registry"))
        {
            rows.Add([backend.Name, backend.Features.Engine, backend.Features.DefaultVersion.ToNormalizedString(),
                backend.Features.Supported.PrettyPrint()]);
        }
        host.Out.Write(TextTable.Format(rows));
        return ExitCodes.Success;
    }
}
