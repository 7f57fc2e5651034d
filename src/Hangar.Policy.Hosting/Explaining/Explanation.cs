using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text;
using Hangar.Policy.Compilation;
using Hangar.Policy.Hosting.Commands;
using Hangar.Policy.Output;
using Hangar.Policy.Testing;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Hosting.Explaining;

/// <summary>
/// What <c>explain</c> prints: the simulated event (a connect, an exec or a file open), the policy model's
/// verdict, and each backend's verdict from the objects it emitted, with the rules and objects responsible, why,
/// and how the coverage matrix rates the rules involved on that backend.
/// </summary>
/// <param name="Report">The testing kit's verdicts on the event.</param>
/// <param name="Process">What the engines know of the source: namespace, pod labels, executable.</param>
/// <param name="Disagreements">Where a backend breaks its coverage claim (see the testing kit's ConsistencyCheck).</param>
/// <param name="Notes">Remarks on how the event was read, e.g. a tool explained as its server.</param>
public sealed record Explanation(VerdictReport Report, SourceProcess Process, ImmutableArray<string> Disagreements,
    ImmutableArray<string> Notes)
{
    /// <summary>The explanation as indented text: the event, then one block per judge.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        var source = Report.Subject.Source;
        var who = $"{source.Workspace}/{Source(source)} (binary {Process.Binary}, namespace {Process.Namespace})";
        Line(text, Report.Subject switch
        {
            ConnectEvent connect => $"connect from {who} to {Destination(connect)}/{Protocol(connect)}" +
                (connect.Hostname is null ? "" : $" ({connect.Hostname})"),
            ExecEvent exec => $"exec of {exec.Path} by {who}",
            FileOpenEvent open => $"open of {open.Path} for {FileOpenEvent.Describe(open.Access)} by {who}",
            var other => $"{other}",
        });
        foreach (var note in Notes)
            Line(text, "note: " + note);

        var width = Report.Backends.Select(b => b.Judge.Length).Append("policy".Length).Max() + 2;
        Block(text, "policy", Report.Model, width, []);
        foreach (var verdict in Report.Backends)
            Block(text, verdict.Judge, verdict, width, CoverageOf(verdict.Judge));
        foreach (var disagreement in Disagreements)
            Line(text, "warning: " + disagreement);
        return text.ToString();
    }

    // Every line may echo what the user typed (a binary, a path, a tool name): control characters are escaped so
    // that a value cannot start a line of its own.
    private static void Line(StringBuilder text, string line) => text.Append(InputText.Escape(line)).Append('\n');

    /// <summary>The explanation as one indented JSON object (see the command-line reference for its fields).</summary>
    public string Json()
    {
        var root = new ObjectNode
        {
            ["event"] = EventNode(),
            ["notes"] = Notes.ToList(),
            ["policy"] = Node(Report.Model, null),
            ["backends"] = Report.Backends.Select(v => Node(v, CoverageOf(v.Judge))).ToList(),
            ["disagreements"] = Disagreements.ToList(),
        };
        return JsonText.Write(root, indented: true).ReplaceLineEndings("\n") + "\n";
    }

    private ObjectNode EventNode()
    {
        var source = Report.Subject.Source;
        var node = new ObjectNode
        {
            ["kind"] = Report.Subject switch
            {
                ConnectEvent => "connect",
                ExecEvent => "exec",
                FileOpenEvent => "open",
                var other => other.GetType().Name,
            },
            ["workspace"] = source.Workspace,
            ["server"] = source.Server,
            ["tool"] = source.Tool,
            ["binary"] = Process.Binary,
            ["namespace"] = Process.Namespace,
        };
        switch (Report.Subject)
        {
            case ConnectEvent connect:
                node["address"] = connect.Address.ToString();
                node["wireAddress"] = connect.WireAddress.ToString();
                node["port"] = connect.Port;
                node["protocol"] = Protocol(connect).ToLowerInvariant();
                node["hostname"] = connect.Hostname;
                break;
            case ExecEvent exec:
                node["path"] = exec.Path;
                break;
            case FileOpenEvent open:
                node["path"] = open.Path;
                node["access"] = AccessName(open.Access);
                break;
        }
        return node;
    }

    /// <summary>The access as <c>--access</c> takes it: read, write, readwrite.</summary>
    public static string AccessName(Hangar.Policy.Rules.FileAccess access) => access.ToString().ToLowerInvariant();

    /// <summary>The verdict in words, as both formats print it: blocked, detected only, allowed, not covered.</summary>
    public static string VerdictName(Outcome outcome) => Verdict.Describe(outcome);

    private static void Block(StringBuilder text, string judge, Verdict verdict, int width, IReadOnlyList<CoverageEntry> coverage)
    {
        var indent = new string(' ', width);
        Line(text, judge.PadRight(width) + VerdictName(verdict.Outcome));
        Line(text, $"{indent}why: {verdict.Reason}");
        if (!verdict.RuleIds.IsDefaultOrEmpty)
            Line(text, $"{indent}rules: {string.Join(", ", verdict.RuleIds)}");
        if (!verdict.Objects.IsDefaultOrEmpty)
            Line(text, $"{indent}objects: {string.Join(", ", verdict.Objects)}");
        foreach (var entry in coverage)
        {
            var status = CoverageReport.StatusName(entry.Status);
            Line(text, $"{indent}coverage: {entry.RuleId.Value} {status} ({entry.Reason})");
        }
    }

    private ObjectNode Node(Verdict verdict, IReadOnlyList<CoverageEntry>? coverage)
    {
        var node = new ObjectNode();
        if (coverage is not null)
            node["backend"] = verdict.Judge;
        node["verdict"] = VerdictName(verdict.Outcome);
        node["why"] = verdict.Reason;
        node["rules"] = verdict.RuleIds.IsDefault ? new List<string>() : verdict.RuleIds.ToList();
        if (coverage is not null)
        {
            node["objects"] = verdict.Objects.IsDefault ? new List<string>() : verdict.Objects.ToList();
            node["coverage"] = coverage.Select(e => new ObjectNode
            {
                ["rule"] = e.RuleId.Value,
                ["status"] = CoverageReport.StatusName(e.Status),
                ["reason"] = e.Reason,
            }).ToList();
        }
        return node;
    }

    // How the coverage matrix rates, on this backend, the rules the model's verdict rests on.
    private IReadOnlyList<CoverageEntry> CoverageOf(string backend) =>
        [.. Report.Model.RuleIds.SelectMany(id => Report.Coverage.Where(e =>
            e.RuleId.Value == id && string.Equals(e.Backend, backend, StringComparison.OrdinalIgnoreCase)))];

    private static string Source(EventSource source) => source.Tool is null ? source.Server : $"{source.Server}/{source.Tool}";

    private static string Destination(ConnectEvent connect) =>
        connect.Address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{connect.Address}]:{connect.Port}" + (connect.IsIPv4Mapped ? $" (IPv4 {connect.WireAddress} on the wire)" : "")
            : $"{connect.Address}:{connect.Port}";

    private static string Protocol(ConnectEvent connect) => connect.Protocol.ToString().ToUpperInvariant();
}
