using System.CommandLine;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>coverage [--format table|json|markdown]</c>: for every rule and selected engine, whether the engine
/// enforces, widens, only detects, or cannot express it, and why.
/// </summary>
public sealed class CoverageCommand : HostCommand
{
    private readonly CompileInputs _inputs = new();
    private readonly Option<string> _format = new Option<string>("--format", "-f")
    {
        Description = "table (default), json (a list of {rule, backend, status, reason}) or markdown.",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json", "markdown");

    /// <inheritdoc />
    public override string Name => "coverage";

    /// <inheritdoc />
    public override string Description =>
        "Show, for every rule and engine, what is enforced, widened, only detected or unsupported.";

    /// <inheritdoc />
    protected override void AddOptions(Command command)
    {
        command.Options.Add(_format);
        _inputs.AddTo(command);
    }

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        var result = _inputs.Compile(parse, host).Result;
        if (DiagnosticReport.Write(host, result, "fix them to see the coverage") != ExitCodes.Success)
            return ExitCodes.PolicyErrors;

        var text = parse.GetValue(_format) switch
        {
            "json" => CoverageReport.Json(result.Coverage),
            "markdown" => CoverageReport.Markdown(result.Coverage),
            _ => CoverageReport.Table(result.Coverage),
        };
        host.Out.Write(text);
        return ExitCodes.Success;
    }
}
