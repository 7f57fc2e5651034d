using Hangar.Policy.Compilation;
using Hangar.Policy.Output;

namespace Hangar.Policy.KubeArmor;

/// <summary>
/// Emits security.kubearmor.com/v1 KubeArmorPolicy objects per MCP server: one with the denies (process, file,
/// capabilities, socket protocols, audited syscalls; action Block, or Audit per rule), and one in Allow mode
/// for allowlists (<c>AllowExec</c>, <c>DenyFileWritesOutside</c>). Tool rules are scoped with <c>fromSource</c>
/// to the tool's binaries. Rules about destination addresses are reported unsupported, never approximated.
/// </summary>
/// <example><code>new CompileOptions { Backends = [new KubeArmorBackend()] }</code></example>
public sealed class KubeArmorBackend(KubeArmorOptions? options = null) : IPolicyBackend
{
    /// <summary>The engine name used in options and hangar.yaml.</summary>
    public const string BackendName = "kubearmor";

    /// <summary>The apiVersion of the emitted objects.</summary>
    public const string ApiVersion = "security.kubearmor.com/v1";

    /// <summary>The kind of the emitted objects.</summary>
    public const string Kind = "KubeArmorPolicy";

    private readonly KubeArmorOptions _options = options ?? new KubeArmorOptions();

    /// <inheritdoc />
    public string Name => BackendName;

    /// <inheritdoc />
    public EngineFeatureTable Features => KubeArmorFeatures.Table;

    /// <inheritdoc />
    public BackendOutput Compile(BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new BackendOutput();
        if (_options.Severity is < 1 or > 10)
        {
            output.Diagnostics.Add(context.Diagnostic(Validation.DiagnosticIds.InvalidName, Validation.DiagnosticSeverity.Error,
                "KubeArmorOptions.Severity", $"severity {_options.Severity} is outside 1-10", "set a severity between 1 and 10"));
            return output;
        }

        var compiler = new KubeArmorRuleCompiler(_options, context.EngineVersion);
        var names = KubeArmorNames.Assign(context.Policy.Targets);
        foreach (var target in context.Policy.Targets)
        {
            var denies = new KubeArmorRuleSet();
            var allows = new KubeArmorRuleSet();
            var allowlists = new KubeArmorAllowlists();
            var denyRules = new List<ResolvedRule>();
            var allowRules = new List<ResolvedRule>();
            var scopedRules = ScopedRule.For(target).ToList();
            var coverage = new Dictionary<ScopedRule, CoverageEntry>(ReferenceEqualityComparer.Instance);
            foreach (var scoped in scopedRules)
            {
                var denyCount = denies.Count;
                if (compiler.Compile(scoped, denies, allowlists) is { } entry)
                    coverage[scoped] = entry;
                if (denies.Count > denyCount)
                    denyRules.Add(scoped.Rule);
            }
            foreach (var (scoped, entry, denied) in compiler.Emit(allowlists, allows, denies))
            {
                coverage[scoped] = entry;
                (denied ? denyRules : allowRules).Add(scoped.Rule);
            }
            output.Coverage.AddRange(scopedRules.Select(s => coverage[s]));

            var stem = names[target.Scope.Path];
            if (!denies.IsEmpty)
                output.Objects.Add(Emit(context, target, KubeArmorNames.Fit(stem, "", target.Scope.Path), denies, "Block", denyRules));
            if (!allows.IsEmpty)
            {
                var name = KubeArmorNames.Fit(stem, "-allowlist", target.Scope.Path);
                output.Objects.Add(Emit(context, target, name, allows, "Allow", allowRules));
            }
        }
        return output;
    }

    private EmittedObject Emit(BackendContext context, ServerTarget target, string name, KubeArmorRuleSet rules, string action,
        IEnumerable<ResolvedRule> carried)
    {
        var labels = new Dictionary<string, string>
        {
            [HangarLabels.Workspace] = target.Workspace,
            [HangarLabels.Server] = target.Server,
        };
        var body = new ObjectNode
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = Kind,
            ["metadata"] = ObjectMetadata.Create(context, name, target.Namespace, carried, labels),
            ["spec"] = rules.ToSpec(target.PodLabels, action, _options.Severity),
        };
        return new EmittedObject(BackendName, ApiVersion, Kind, target.Namespace, name, body);
    }
}
