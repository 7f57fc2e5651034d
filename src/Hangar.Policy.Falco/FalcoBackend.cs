using Hangar.Policy.Compilation;
using Hangar.Policy.Output;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Falco;

/// <summary>
/// Emits detect-only Falco rules for every rule of every server: connections to denied ranges, connections
/// outside an allowlist, executions, file opens, capabilities, socket kinds and system calls. The rules are
/// delivered twice: as a rules file (<c>falco/hangar-{set}-rules.yaml</c>) and as a ConfigMap for the Falco
/// chart's custom rules folder. Falco never blocks, so nothing it covers is ever reported as enforced.
/// </summary>
/// <example><code>new CompileOptions { Backends = [new FalcoBackend()] }</code></example>
public sealed class FalcoBackend(FalcoOptions? options = null) : IPolicyBackend
{
    /// <summary>The engine name used in options and hangar.yaml.</summary>
    public const string BackendName = "falco";

    private readonly FalcoOptions _options = options ?? new FalcoOptions();

    /// <inheritdoc />
    public string Name => BackendName;

    /// <inheritdoc />
    public EngineFeatureTable Features => FalcoFeatures.Table;

    /// <inheritdoc />
    public BackendOutput Compile(BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new BackendOutput();
        if (!KubernetesNames.IsDnsLabel(_options.Namespace))
        {
            output.Diagnostics.Add(context.Diagnostic(DiagnosticIds.InvalidName, DiagnosticSeverity.Error, "FalcoOptions.Namespace",
                $"'{FalcoStrings.Printable(_options.Namespace)}' is not a namespace name", "use Falco's namespace, e.g. 'falco'"));
            return output;
        }

        var compiler = new FalcoRuleCompiler(context);
        var items = new List<ObjectNode>();
        foreach (var target in context.Policy.Targets)
        {
            var scoped = target.Rules.Select(r => (Rule: r, Tool: (ToolTarget?)null))
                .Concat(target.Tools.SelectMany(t => t.Rules.Select(r => (Rule: r, Tool: (ToolTarget?)t))));
            foreach (var (rule, tool) in scoped)
            {
                var (condition, watches, reason) = compiler.Compile(target, tool, rule);
                if (condition is null)
                {
                    var status = rule.Rule is AllowEgressRule && target.IsAllowlist ? CoverageStatus.Detected : CoverageStatus.Unsupported;
                    output.Coverage.Add(new CoverageEntry(rule.Id, BackendName, status,
                        status == CoverageStatus.Detected ? $"Falco leaves it out of what the allowlist reports; {reason}" : reason));
                    continue;
                }
                if (condition.Problem is { } problem)
                {
                    output.Diagnostics.Add(context.Diagnostic(DiagnosticIds.InvalidPath, DiagnosticSeverity.Error, $"rule '{rule.Id}'",
                        problem, "rename the file or directory, or leave 'falco' out of the engines for this policy"));
                    continue;
                }
                items.Add(FalcoRuleItem.Create(context, target, tool, rule, condition, watches));
                output.Coverage.Add(new CoverageEntry(rule.Id, BackendName, CoverageStatus.Detected,
                    $"{reason}; Falco only detects, it never blocks"));
            }
        }

        if (items.Count == 0)
            return output;
        var rulesFile = FalcoRulesFile.Write(items);
        var fileName = FalcoRulesFile.FileName(context.Policy.Name);
        var configMap = FalcoRulesFile.ConfigMap(context, _options.Namespace, fileName, rulesFile);

        // The API server rejects objects over 1 MiB, so the apply would fail half-way with no word from the compiler.
        var size = System.Text.Encoding.UTF8.GetByteCount(configMap.ToYaml());
        if (size > FalcoRulesFile.MaxConfigMapBytes)
        {
            output.Diagnostics.Add(context.Diagnostic(DiagnosticIds.EngineLimitExceeded, DiagnosticSeverity.Error,
                $"ConfigMap {_options.Namespace}/{configMap.Name}",
                $"the Falco rules of {items.Count} rules take {size:N0} bytes, over the {FalcoRulesFile.MaxConfigMapBytes:N0} bytes "
                + "Hangar.Policy allows in one ConfigMap (Kubernetes rejects objects over 1 MiB)",
                "split the workspaces into several policy sets (each gets its own rules file and ConfigMap), or leave 'falco' out "
                + "of the engines for this policy"));
            return output;
        }
        output.Files.Add(new EmittedFile(BackendName, fileName, rulesFile));
        output.Objects.Add(configMap);
        return output;
    }
}
