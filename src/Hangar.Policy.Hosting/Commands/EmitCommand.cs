using System.CommandLine;
using Hangar.Policy.Hosting.Output;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>emit --out DIR</c>: compiles the policy and writes one YAML file per object, grouped by backend, plus a
/// kustomization.yaml, so that <c>kubectl apply -k DIR</c> and GitOps tools take the folder as it is.
/// Nothing is written when there is any error.
/// </summary>
public sealed class EmitCommand : HostCommand
{
    private readonly CompileInputs _inputs = new();
    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "The folder to write to, replaced as a whole; created when missing. " +
            "It must hold nothing but what emit wrote (an earlier emission), else nothing is written.",
        HelpName = "DIR",
        Required = true,
    };

    /// <inheritdoc />
    public override string Name => "emit";

    /// <inheritdoc />
    public override string Description =>
        "Compile the policy and write the objects for each engine, with a kustomization.yaml.";

    /// <inheritdoc />
    protected override void AddOptions(Command command)
    {
        command.Options.Add(_out);
        _inputs.AddTo(command);
    }

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        var outArgument = parse.GetValue(_out)!;
        if (string.IsNullOrWhiteSpace(outArgument))
            throw new UsageException("--out is empty; give the folder to write to, e.g. --out out/policy");
        var folder = host.ResolvePath(outArgument);
        if (File.Exists(folder) && new FileInfo(folder).LinkTarget is null)
            throw new UsageException($"--out '{outArgument}' is a file; give a folder (it is created when missing)");

        var compilation = _inputs.Compile(parse, host);
        var result = compilation.Result;
        if (DiagnosticReport.Write(host, result, "nothing was written") != ExitCodes.Success)
            return ExitCodes.PolicyErrors;

        var files = ManifestDirectory.Render(result);
        var written = OutputFolder.Write(files, folder, host.Options.Backends.Names);
        var removed = written.StaleRemoved;
        WriteEmptyNotes(host, compilation);
        foreach (var leftover in written.LeftoversRemoved)
        {
            host.Error.WriteLine($"note: removed '{host.DisplayPath(leftover)}', a hidden folder an interrupted emit " +
                "left beside --out (it held only files emit writes)");
        }

        var perEngine = string.Join(", ", compilation.Engines.Select(e =>
            $"{e}: {result.Objects.Count(o => o.Backend == e) + result.Files.Count(f => f.Backend == e)}"));
        var extras = new[]
        {
            removed > 0 ? $"{removed} stale removed" : null,
            DiagnosticReport.Count(result, DiagnosticSeverity.Warning),
        }.OfType<string>().ToList();
        host.Out.WriteLine($"wrote {files.Count} files ({perEngine}; kustomization.yaml) to {host.DisplayPath(folder)}" +
            (extras.Count > 0 ? $" ({string.Join(", ", extras)})" : ""));
        return ExitCodes.Success;
    }

    // An empty folder is a valid emission (it removes everything on apply --prune), but rarely what was meant.
    private static void WriteEmptyNotes(HostContext host, HostCompilation compilation)
    {
        foreach (var set in compilation.Sets.Where(s => !s.AllRules.Any()))
        {
            host.Error.WriteLine($"note: policy set '{set.Name}' has no rules, so it emits no objects; add rules to its " +
                "workspaces, servers or tools (e.g. .DenyCloudMetadata()) if this is not what you meant");
        }

        var result = compilation.Result;
        if (result.Objects.Length + result.Files.Length == 0 && compilation.Sets.Any(s => s.AllRules.Any()))
        {
            host.Error.WriteLine($"note: none of the engines {string.Join(", ", compilation.Engines)} emits an object " +
                $"for the {result.Coverage.Rules.Length} rules; run 'coverage' to see why, or select other engines with --engines");
        }
    }
}
