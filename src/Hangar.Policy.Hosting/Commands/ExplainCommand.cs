using System.CommandLine;
using Hangar.Policy.Hosting.Explaining;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Model;
using Hangar.Policy.Testing;
using Hangar.Policy.Testing.Assertions;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// <c>explain --from SERVER[/TOOL] --to ADDRESS:PORT</c> (or <c>--exec PATH</c>, or <c>--open PATH --access
/// read|write|readwrite</c>): compiles the policy, simulates that connect(), exec or open with the testing kit, and
/// prints what the policy says and what each engine's emitted objects do with it (blocked, detected only,
/// allowed, not covered), with the rules and objects responsible and why. Writes nothing.
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
    };
    private readonly Option<string> _exec = new("--exec")
    {
        Description = "Explain starting this executable instead of a connection (an absolute path).",
        HelpName = "PATH",
    };
    private readonly Option<string> _open = new("--open")
    {
        Description = "Explain opening this file instead of a connection (an absolute path); see --access.",
        HelpName = "PATH",
    };
    private readonly Option<string> _access = new Option<string>("--access")
    {
        Description = "How --open opens the file: read (default), write (create, truncate, append) or readwrite.",
        DefaultValueFactory = _ => "read",
    }.AcceptOnlyFromAmong("read", "write", "readwrite");
    private readonly Option<string> _protocol = new Option<string>("--protocol")
    {
        Description = "tcp (default) or udp.",
        DefaultValueFactory = _ => "tcp",
    }.AcceptOnlyFromAmong("tcp", "udp");
    private readonly Option<string> _binary = new("--binary")
    {
        Description = "The executable that acts (connects, starts --exec, opens --open). " +
            "Default: the tool's first binary, else the server process.",
        HelpName = "PATH",
    };
    private readonly Option<string> _hostname = new("--hostname")
    {
        Description = "The DNS name the address was resolved from, for rules that allow host names.",
        HelpName = "NAME",
    };
    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Print every HANGAR0201 warning (a rule no selected engine fully enforces) in full, instead of " +
            "one line that counts them.",
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
        command.Options.Add(_exec);
        command.Options.Add(_open);
        command.Options.Add(_access);
        command.Options.Add(_protocol);
        command.Options.Add(_binary);
        command.Options.Add(_hostname);
        command.Options.Add(_format);
        command.Options.Add(_verbose);
        _inputs.AddTo(command);
    }

    /// <inheritdoc />
    protected override int Execute(ParseResult parse, HostContext host)
    {
        // Bad input is reported before the policy is compiled, so the message is about the command line alone.
        var describe = EventReader(parse);
        var binary = parse.GetValue(_binary);
        if (binary is not null && !binary.StartsWith('/'))
        {
            throw new UsageException(
                $"--binary '{binary}' is not an absolute path; give the executable's full path, e.g. /usr/bin/git");
        }

        var compilation = _inputs.Compile(parse, host);
        var verbose = parse.GetValue(_verbose);
        if (DiagnosticReport.Write(host, compilation.Result, "fix them to explain an event", withNotes: false,
                summariseNotEnforced: !verbose) != ExitCodes.Success)
            return ExitCodes.PolicyErrors;

        var (set, source, note) = SourceSelector.Resolve(compilation.Sets, parse.GetValue(_from)!, parse.GetValue(_workspace));
        var simulator = new PolicySimulator(set, compilation.Options, compilation.ResultOf(set));
        if (compilation.Config.EngineOptions.TryGetValue(KubeArmorBackend.BackendName, out var kubeArmor))
            simulator.Use(KubeArmorVerdicts(KubeArmorOptions.From(kubeArmor)));
        var judged = describe(source with { Binary = binary });

        VerdictReport report;
        try
        {
            report = judged is ProcessEvent process ? simulator.Simulate(process) : simulator.Simulate((ConnectEvent)judged);
        }
        catch (InvalidOperationException e)
        {
            host.Error.WriteLine($"error: cannot explain the {judged}: {e.Message}");
            return ExitCodes.PolicyErrors;
        }

        var explanation = new Explanation(report, simulator.SourceOf(judged.Source),
            [.. ConsistencyCheck.Violations(report)], note is null ? [] : [note]);
        host.Out.Write(parse.GetValue(_format) == "json" ? explanation.Json() : explanation.Text());
        return ExitCodes.Success;
    }

    // Reads which event to explain: exactly one of --to, --exec and --open, with the options that go with it.
    private Func<EventSource, PolicyEvent> EventReader(ParseResult parse)
    {
        var (to, exec, open) = (parse.GetValue(_to), parse.GetValue(_exec), parse.GetValue(_open));
        var given = new[] { to is null ? null : "--to", exec is null ? null : "--exec", open is null ? null : "--open" }
            .OfType<string>().ToList();
        if (given.Count != 1)
        {
            throw new UsageException(given.Count == 0
                ? "say what to explain: --to ADDRESS:PORT (a connection), --exec PATH or --open PATH"
                : $"{string.Join(", ", given)} were given together; explain one event at a time");
        }
        Refuse(parse, _access, "--open", open is null);
        Refuse(parse, _protocol, "--to", to is null);
        Refuse(parse, _hostname, "--to", to is null);

        if (to is not null)
        {
            var endpoint = Endpoint.Parse(to);
            var protocol = parse.GetValue(_protocol) == "udp" ? Protocol.Udp : Protocol.Tcp;
            var hostname = parse.GetValue(_hostname);
            if (hostname is not null && (hostname.Length == 0 || hostname.Any(c => char.IsWhiteSpace(c) || c == '/')))
                throw new UsageException($"--hostname '{hostname}' is not a DNS name; write e.g. --hostname api.github.com");
            return source => new ConnectEvent(source, endpoint.Address, endpoint.Port, protocol, hostname);
        }

        var path = AbsolutePath(exec is null ? "--open" : "--exec", (exec ?? open)!);
        if (exec is not null)
            return source => new ExecEvent(source, path);
        var access = Enum.Parse<Hangar.Policy.Rules.FileAccess>(parse.GetValue(_access)!, ignoreCase: true);
        return source => new FileOpenEvent(source, path, access);
    }

    private static void Refuse(ParseResult parse, Option option, string owner, bool ownerMissing)
    {
        if (ownerMissing && parse.GetResult(option) is { Implicit: false })
            throw new UsageException($"{option.Name} goes with {owner} only; leave it out, or explain {owner}");
    }

    private static string AbsolutePath(string option, string path)
    {
        if (!path.StartsWith('/') || path.Split('/').Any(part => part is "." or ".."))
        {
            throw new UsageException($"{option} '{path}' is not an absolute path without '.' or '..' parts; " +
                "give the path as the kernel resolves it, e.g. /usr/bin/curl or /etc/passwd");
        }
        return path;
    }

    // KubeArmor's verdicts follow the postures hangar.yaml declares, as its backend's coverage does; undeclared is audit.
    private static KubeArmorEvaluator KubeArmorVerdicts(KubeArmorOptions options)
    {
        static KubeArmorDefaultPosture Of(KubeArmorPosture? posture) =>
            posture == KubeArmorPosture.Block ? KubeArmorDefaultPosture.Block : KubeArmorDefaultPosture.Audit;
        return new KubeArmorEvaluator(Of(options.FilePosture), Of(options.NetworkPosture), Of(options.CapabilitiesPosture));
    }
}
