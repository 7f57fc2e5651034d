using System.CommandLine;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Hosting.Commands;

/// <summary><c>validate</c>: compiles the policy for the selected engines and reports, writing nothing.</summary>
public sealed class ValidateCommand : HostCommand
{
    private readonly CompileInputs _inputs = new();

    /// <inheritdoc />
    public override string Name => "validate";

    /// <inheritdoc />
    public override string Description => "Compile the policy and report errors and warnings; write nothing.";

    /// <inheritdoc />
    protected override void AddOptions(Command command) => _inputs.AddTo(command);

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        var compilation = _inputs.Compile(parse, host);
        var result = compilation.Result;
        if (DiagnosticReport.Write(host, result, "the policy does not compile", withNotes: true) != ExitCodes.Success)
            return ExitCodes.PolicyErrors;

        var counts = new[]
        {
            DiagnosticReport.Count(result, DiagnosticSeverity.Warning),
            DiagnosticReport.Count(result, DiagnosticSeverity.Info),
        }.OfType<string>().ToList();
        var sets = string.Join(", ", compilation.Sets.Select(s => $"'{s.Name}'"));
        var objects = result.Objects.Length + result.Files.Length;
        var config = compilation.ConfigPath is null ? "no config" : $"config {compilation.ConfigPath}";
        host.Out.WriteLine($"ok: {sets}, {result.Coverage.Rules.Length} rules, {objects} objects for " +
            $"{string.Join(", ", compilation.Engines)}, {config}" + (counts.Count > 0 ? $" ({string.Join(", ", counts)})" : ""));
        return ExitCodes.Success;
    }
}
