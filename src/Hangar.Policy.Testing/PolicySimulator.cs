using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using NuGet.Versioning;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing;

/// <summary>
/// Simulates events against a compiled policy set: the model's verdict, and for every compiled backend the
/// verdict of an independent evaluator of the objects it emitted.
/// </summary>
/// <example><code>
/// var policy = PolicySimulator.Compile(set, options);
/// policy.Connect().From("acme/fetch").To("169.254.169.254:80").ShouldBeBlockedBy("tetragon");
/// </code></example>
public sealed class PolicySimulator
{
    private readonly Dictionary<string, IObjectEvaluator> _evaluators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<JsonObject>> _objects;

    /// <summary>Creates a simulator over an existing compilation of <paramref name="set"/> with <paramref name="options"/>.</summary>
    public PolicySimulator(PolicySet set, CompileOptions options, CompilationResult result)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new ArgumentException("the compilation failed, so there is nothing to simulate; fix these errors first: "
                + string.Join("; ", result.Errors.Select(e => e.ToString())), nameof(result));
        }

        Policy = set;
        Options = options;
        Result = result;
        Model = new ModelEvaluator(set, options.Cluster);
        _objects = result.Coverage.Backends.ToDictionary(b => b,
            b => (IReadOnlyList<JsonObject>)[.. result.Objects.Where(o => string.Equals(o.Backend, b, StringComparison.OrdinalIgnoreCase))
                .Select(ManifestReader.Read)],
            StringComparer.OrdinalIgnoreCase);

        Use(new NetworkPolicyEvaluator());
        Use(new TetragonEvaluator(VersionOf("tetragon", options) ?? new NuGetVersion(1, 7, 0)));
        Use(new KubeArmorEvaluator());
        Use(new FalcoEvaluator());
    }

    /// <summary>The policy set.</summary>
    public PolicySet Policy { get; }

    /// <summary>The options it was compiled with.</summary>
    public CompileOptions Options { get; }

    /// <summary>The compilation.</summary>
    public CompilationResult Result { get; }

    /// <summary>The evaluator of the policy's own semantics.</summary>
    public ModelEvaluator Model { get; }

    /// <summary>
    /// Compiles <paramref name="set"/> with <paramref name="options"/> and returns a simulator over the result;
    /// throws when the compilation has errors, listing them.
    /// </summary>
    public static PolicySimulator Compile(PolicySet set, CompileOptions options) =>
        new(set, options, PolicyCompiler.Compile(set, options));

    /// <summary>Uses <paramref name="evaluator"/> for its backend's objects, replacing the kit's own.</summary>
    public PolicySimulator Use(IObjectEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluators[evaluator.Backend] = evaluator;
        return this;
    }

    /// <summary>Starts describing a connect() to simulate.</summary>
    public ConnectProbe Connect() => new(this);

    /// <summary>The verdicts on <paramref name="connect"/>.</summary>
    public SimulationReport Simulate(ConnectEvent connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        var model = Model.Evaluate(connect);
        var (verdicts, coverage) = Judge(connect, model, (evaluator, source, objects) => evaluator.Evaluate(connect, source, objects));
        return new SimulationReport(connect, model, verdicts, coverage);
    }

    /// <summary>The verdicts on <paramref name="processEvent"/> (exec, file open, capability, socket, system call).</summary>
    public ProcessReport Simulate(ProcessEvent processEvent)
    {
        ArgumentNullException.ThrowIfNull(processEvent);
        var model = Model.Evaluate(processEvent);
        var (verdicts, coverage) = Judge(processEvent, model,
            (evaluator, source, objects) => evaluator.Evaluate(processEvent, source, objects));
        return new ProcessReport(processEvent, model, verdicts, coverage);
    }

    /// <summary>
    /// Simulates <paramref name="source"/> (<c>WORKSPACE/SERVER</c> or <c>WORKSPACE/SERVER/TOOL</c>) executing
    /// <paramref name="path"/>; <paramref name="parent"/> is the executable that calls exec (default: the tool's
    /// first binary, or the server process).
    /// </summary>
    /// <example><code>policy.Exec("acme/git", "/usr/bin/curl").ShouldBeBlocked();</code></example>
    public ProcessReport Exec(string source, string path, string? parent = null) =>
        Simulate(new ExecEvent(SourceWith(source, parent), path));

    /// <summary>Simulates <paramref name="source"/> opening the file <paramref name="path"/> for <paramref name="access"/>.</summary>
    /// <example><code>policy.OpenFile("acme/filesystem", "/etc/passwd", FileAccess.Write).ShouldBeBlocked();</code></example>
    public ProcessReport OpenFile(string source, string path, FileAccess access, string? binary = null) =>
        Simulate(new FileOpenEvent(SourceWith(source, binary), path, access));

    /// <summary>Simulates <paramref name="source"/> using the Linux capability <paramref name="capability"/> (<c>NET_RAW</c>).</summary>
    public ProcessReport UseCapability(string source, string capability, string? binary = null) =>
        Simulate(new CapabilityEvent(SourceWith(source, binary), LinuxCapabilities.TryParse(capability, out var parsed)
            ? parsed
            : throw new ArgumentException($"'{capability}' is not a Linux capability; write e.g. \"NET_RAW\"", nameof(capability))));

    /// <summary>Simulates <paramref name="source"/> creating a socket of <paramref name="protocol"/>.</summary>
    public ProcessReport CreateSocket(string source, SocketProtocol protocol, string? binary = null) =>
        Simulate(new SocketEvent(SourceWith(source, binary), protocol));

    /// <summary>Simulates <paramref name="source"/> making the system call <paramref name="syscall"/> (<c>ptrace</c>).</summary>
    public ProcessReport CallSyscall(string source, string syscall, string? binary = null) =>
        Simulate(new SyscallEvent(SourceWith(source, binary), syscall));

    private (ImmutableArray<Verdict>, ImmutableArray<CoverageEntry>) Judge(PolicyEvent judged, Verdict model,
        Func<IObjectEvaluator, SourceProcess, IReadOnlyList<JsonObject>, Verdict> evaluate)
    {
        var source = SourceOf(judged.Source);
        var verdicts = ImmutableArray.CreateBuilder<Verdict>();
        foreach (var backend in Result.Coverage.Backends)
        {
            if (!_evaluators.TryGetValue(backend, out var evaluator))
            {
                verdicts.Add(new Verdict(backend, Outcome.NotCovered, [], [], $"the testing kit has no evaluator for {backend} objects"));
                continue;
            }
            try
            {
                verdicts.Add(evaluate(evaluator, source, _objects[backend]));
            }
            catch (Exception problem) when (problem is NotSupportedException or InvalidDataException or FormatException)
            {
                throw new InvalidOperationException($"cannot evaluate the {backend} objects for {judged}: {problem.Message}", problem);
            }
        }

        var ruleIds = verdicts.SelectMany(v => v.RuleIds).Concat(model.RuleIds).ToHashSet(StringComparer.Ordinal);
        var coverage = Result.Coverage.Entries.Where(e => ruleIds.Contains(e.RuleId.Value)).ToImmutableArray();
        return (verdicts.ToImmutable(), coverage);
    }

    private static EventSource SourceWith(string source, string? binary) =>
        EventSource.Parse(source) with { Binary = binary };

    /// <summary>What the engines know of <paramref name="source"/>: namespace, pod labels and executable.</summary>
    public SourceProcess SourceOf(EventSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var workspace = Policy.Workspaces.FirstOrDefault(w => w.Name == source.Workspace)
            ?? throw new ArgumentException($"the policy set '{Policy.Name}' has no workspace '{source.Workspace}'", nameof(source));
        var server = workspace.Servers.FirstOrDefault(s => s.Name == source.Server)
            ?? throw new ArgumentException($"workspace '{source.Workspace}' has no server '{source.Server}'", nameof(source));
        var tool = source.Tool is null ? null : server.Tools.FirstOrDefault(t => t.Name == source.Tool);
        var binary = source.Binary ?? tool?.Binaries.FirstOrDefault() ?? EventSource.ServerBinary;
        return new SourceProcess(workspace.Namespace, server.PodLabels, binary);
    }

    /// <summary>The coverage entries of every rule that applies to <paramref name="source"/>'s server and its tools.</summary>
    public IReadOnlyList<CoverageEntry> CoverageOfServer(EventSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var workspace = Policy.Workspaces.First(w => w.Name == source.Workspace);
        var server = workspace.Servers.First(s => s.Name == source.Server);
        var ids = workspace.Rules.Concat(server.Rules).Concat(server.Tools.SelectMany(t => t.Rules)).Select(r => r.Id).ToHashSet();
        return [.. Result.Coverage.Entries.Where(e => ids.Contains(e.RuleId))];
    }

    private static NuGetVersion? VersionOf(string backend, CompileOptions options) =>
        options.EngineVersions.TryGetValue(backend, out var version)
            ? version
            : options.Backends.FirstOrDefault(b => string.Equals(b.Name, backend, StringComparison.OrdinalIgnoreCase))
                ?.Features.DefaultVersion;
}
