using System.CommandLine;
using Hangar.Policy.Hosting.Explaining;
using Hangar.Policy.Model;
using Hangar.Policy.Testing;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Events;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>explain --from SERVER[/TOOL] --to ADDRESS:PORT</c>: compiles the policy, simulates that connect() with the
/// testing kit, and prints what the policy says and what each engine's emitted objects do with it (blocked,
/// detected only, allowed, not covered), with the rules and objects responsible and why. Writes nothing.
/// </summary>
public sealed class ExplainCommand : HostCommand
{
    private readonly CompileInputs _inputs = new();
    private readonly Option<string> _from = new("--from")
    {
        Description = "The server, or server/tool, that connects (e.g. fetch, git/git_log).",
        HelpName = "SERVER[/TOOL]",
        Required = true,
    };
    private readonly Option<string> _workspace = new("--workspace", "-w")
    {
        Description = "The server's workspace; needed only when the server name repeats across workspaces.",
        HelpName = "NAME",
    };
    private readonly Option<string> _to = new("--to")
    {
        Description = "The destination: IPv4 as 169.254.169.254:80, IPv6 in brackets as [::1]:8080, or IPv4-mapped as " +
            "[::ffff:127.0.0.1]:8080.",
        HelpName = "ADDRESS:PORT",
        Required = true,
    };
    private readonly Option<string> _protocol = new Option<string>("--protocol")
    {
        Description = "tcp (default) or udp.",
        DefaultValueFactory = _ => "tcp",
    }.AcceptOnlyFromAmong("tcp", "udp");
    private readonly Option<string> _binary = new("--binary")
    {
        Description = "The executable that connects. Default: the tool's first binary, else the server process.",
        HelpName = "PATH",
    };
    private readonly Option<string> _hostname = new("--hostname")
    {
        Description = "The DNS name the address was resolved from, for rules that allow host names.",
        HelpName = "NAME",
    };
    private readonly Option<string> _format = new Option<string>("--format", "-f")
    {
        Description = "text (default) or json.",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");

    /// <inheritdoc />
    public override string Name => "explain";

    /// <inheritdoc />
    public override string Description =>
        "Show what the policy and each engine do with one connection from a server or tool to an address and port.";

    /// <inheritdoc />
    protected override void AddOptions(Command command)
    {
        command.Options.Add(_from);
        command.Options.Add(_workspace);
        command.Options.Add(_to);
        command.Options.Add(_protocol);
        command.Options.Add(_binary);
        command.Options.Add(_hostname);
        command.Options.Add(_format);
        _inputs.AddTo(command);
    }

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        // Bad input is reported before the policy is compiled, so the message is about the command line alone.
        var endpoint = Endpoint.Parse(parse.GetValue(_to)!);
        var binary = parse.GetValue(_binary);
        if (binary is not null && !binary.StartsWith('/'))
        {
            throw new UsageException(
                $"--binary '{binary}' is not an absolute path; give the executable's full path, e.g. /usr/bin/git");
        }
        var hostname = parse.GetValue(_hostname);
        if (hostname is not null && (hostname.Length == 0 || hostname.Any(c => char.IsWhiteSpace(c) || c == '/')))
            throw new UsageException($"--hostname '{hostname}' is not a DNS name; write e.g. --hostname api.github.com");

        var compilation = _inputs.Compile(parse, host);
        if (DiagnosticReport.Write(host, compilation.Result, "fix them to explain a connection") != ExitCodes.Success)
            return ExitCodes.PolicyErrors;

        var (set, source, note) = SourceSelector.Resolve(compilation.Sets, parse.GetValue(_from)!, parse.GetValue(_workspace));
        var simulator = new PolicySimulator(set, compilation.Options, compilation.ResultOf(set));
        var protocol = parse.GetValue(_protocol) == "udp" ? Protocol.Udp : Protocol.Tcp;
        var connect = new ConnectEvent(source with { Binary = binary }, endpoint.Address, endpoint.Port, protocol, hostname);

        SimulationReport report;
        try
        {
            report = simulator.Simulate(connect);
        }
        catch (InvalidOperationException e)
        {
            host.Error.WriteLine($"error: cannot explain {connect}: {e.Message}");
            return ExitCodes.PolicyErrors;
        }

        var explanation = new Explanation(report, simulator.SourceOf(connect.Source),
            [.. ConsistencyCheck.Violations(report)], note is null ? [] : [note]);
        host.Out.Write(parse.GetValue(_format) == "json" ? explanation.Json() : explanation.Text());
        return ExitCodes.Success;
    }
}
