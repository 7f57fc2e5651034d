using Hangar.Policy.Compilation;
using Hangar.Policy.Tetragon.Spec;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon;

/// <summary>
/// What the hook families build up for one server: the selectors to emit, and the coverage and diagnostics
/// they report on the backend's output.
/// </summary>
internal sealed class ServerPlan(BackendContext context, ServerTarget server, string nameStem, BackendOutput output)
{
    /// <summary>The start of every object name for this server, unique in the policy set.</summary>
    public string NameStem { get; } = nameStem;

    public BackendContext Context { get; } = context;

    public ServerTarget Server { get; } = server;

    public List<PlannedSelector> Selectors { get; } = [];

    public bool Supports(string feature) => TetragonFeatures.Table.Supports(feature, Context.EngineVersion);

    public void Cover(ResolvedRule rule, CoverageStatus status, string reason) =>
        output.Coverage.Add(new CoverageEntry(rule.Id, TetragonBackend.EngineName, status, reason));

    public void Report(string id, DiagnosticSeverity severity, string subject, string problem, string fix)
    {
        var diagnostic = Context.Diagnostic(id, severity, subject, problem, fix);
        if (!output.Diagnostics.Contains(diagnostic))
            output.Diagnostics.Add(diagnostic);
    }
}
