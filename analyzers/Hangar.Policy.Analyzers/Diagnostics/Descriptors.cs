using Hangar.Policy.Validation;
using Microsoft.CodeAnalysis;

namespace Hangar.Policy.Analyzers.Diagnostics;

/// <summary>
/// Every diagnostic the analyzers and generators report. Ids come from the core's <see cref="DiagnosticIds"/>
/// (linked into this assembly), so compile time and run time name a problem the same way. Each message ends
/// with what to do; each id has a page under docs/diagnostics.
/// </summary>
internal static class Descriptors
{
    /// <summary>Where the diagnostics reference is published; each id's page is <c>{id}.md</c> below it.</summary>
    public const string HelpLinkBase = "https://github.com/hangar-policy/Hangar.Policy/blob/main/docs/diagnostics/";

    private const string Arguments = "Hangar.Arguments";
    private const string Rules = "Hangar.Rules";
    private const string Engines = "Hangar.Engines";
    private const string Manifests = "Hangar.Manifests";
    private const string Usage = "Hangar.Usage";

    public static readonly DiagnosticDescriptor InvalidCidr = Create(DiagnosticIds.InvalidCidr, Arguments, DiagnosticSeverity.Error,
        "CIDR that validation rejects", "{0}: {1}; {2}");

    public static readonly DiagnosticDescriptor InvalidPort = Create(DiagnosticIds.InvalidPort, Arguments, DiagnosticSeverity.Error,
        "Port outside 1-65535 or reversed range", "{0}: {1}; {2}");

    public static readonly DiagnosticDescriptor InvalidName = Create(DiagnosticIds.InvalidName, Arguments, DiagnosticSeverity.Error,
        "Name that cannot become a Kubernetes name", "{0}: {1}; {2}");

    public static readonly DiagnosticDescriptor InvalidLabel = Create(DiagnosticIds.InvalidLabel, Arguments, DiagnosticSeverity.Error,
        "Label key or value that Kubernetes rejects", "{0}: {1}; {2}");

    public static readonly DiagnosticDescriptor InvalidDestination = Create(DiagnosticIds.InvalidDestination, Arguments,
        DiagnosticSeverity.Error, "Destination that is neither an address range nor a DNS name", "{0}: {1}; {2}");

    public static readonly DiagnosticDescriptor InvalidToolOrBinary = Create(DiagnosticIds.InvalidToolOrBinary, Arguments,
        DiagnosticSeverity.Error, "Tool name or binary path that cannot be used", "{0}: {1}; {2}");

    public static readonly DiagnosticDescriptor AllowInsideDeny = Create(DiagnosticIds.AllowInsideDeny, Rules, DiagnosticSeverity.Error,
        "Allow inside a denied range", "{0} can never match: {1} at {2} denies all of it and a deny always wins; "
        + "remove the allow, or narrow the deny so that it no longer covers the destination");

    public static readonly DiagnosticDescriptor DuplicateRule = Create(DiagnosticIds.DuplicateRule, Rules, DiagnosticSeverity.Warning,
        "Rule declared twice at one scope", "{0} is already declared at this scope (line {1}); remove the repeat");

    public static readonly DiagnosticDescriptor EmptyAllowlist = Create(DiagnosticIds.EmptyAllowlist, Rules, DiagnosticSeverity.Info,
        "Allowlist with no allow", "DefaultDenyEgress() at {0} has no AllowEgress at this scope or above, so every destination "
        + "but cluster DNS is blocked; add AllowEgress(...) for what the server needs, or keep it if blocking everything is intended");

    public static readonly DiagnosticDescriptor NotEnforced = Create(DiagnosticIds.NotEnforced, Engines, DiagnosticSeverity.Warning,
        "Rule that no selected engine enforces", "{0} is fully enforced by none of the selected engines ({1}); {2}");

    public static readonly DiagnosticDescriptor HostnameUnmatchable = Create(DiagnosticIds.HostnameUnmatchable, Engines,
        DiagnosticSeverity.Warning, "Hostname rule no selected engine can match",
        "{0} names a host, but none of the selected engines ({1}) matches host names, so the allow is dropped and the "
        + "traffic stays blocked; allow the host's address ranges with AllowEgress(\"a.b.c.d/n\", ...) instead, or add falco to detect it");

    public static readonly DiagnosticDescriptor EngineVersionTooOld = Create(DiagnosticIds.EngineVersionTooOld, Engines,
        DiagnosticSeverity.Warning, "Feature the target engine version cannot express",
        "{0} needs {1} {2} or later ({3}), but the target is {1} {4}; raise the target version in engine_versions "
        + "or HangarPolicyEngineVersions once the cluster runs it, or accept the gap the coverage matrix reports");

    public static readonly DiagnosticDescriptor UnknownEngine = Create(DiagnosticIds.UnknownEngine, Engines, DiagnosticSeverity.Warning,
        "Unknown engine name", "'{0}' (from {1}) is not an engine name; use networkpolicy, tetragon, kubearmor or falco",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnknownTool = Create(DiagnosticIds.UnknownTool, Manifests, DiagnosticSeverity.Error,
        "Tool the server's manifest does not list", "the tool manifest {0} lists no tool '{1}'; use one of the listed tools ({2}) "
        + "or re-capture the manifest if the server changed");

    public static readonly DiagnosticDescriptor InvalidToolManifest = Create(DiagnosticIds.InvalidToolManifest, Manifests,
        DiagnosticSeverity.Error, "Tool manifest that cannot be read",
        "the tool manifest '{0}' cannot be read: {1}; regenerate it with 'registry capture' or fix the JSON");

    public static readonly DiagnosticDescriptor ToolNameString = Create(DiagnosticIds.ToolNameString, Manifests, DiagnosticSeverity.Info,
        "Tool named by a string where a typed handle exists", "tool '{0}' is named by a string; use the generated handle {1}");

    public static readonly DiagnosticDescriptor DiscardedPolicy = Create(DiagnosticIds.DiscardedPolicy, Usage, DiagnosticSeverity.Warning,
        "Built policy never returned or registered", "{0} is built and then discarded, so no command ever sees it; "
        + "return it from a [HangarPolicy] member or pass it to HangarPolicyCatalog.Register(...)");

    public static readonly DiagnosticDescriptor InvalidPolicyMember = Create(DiagnosticIds.InvalidPolicyMember, Usage,
        DiagnosticSeverity.Error, "[HangarPolicy] member of the wrong shape",
        "[HangarPolicy] member '{0}' {1}; make it a static, parameterless method or static property returning PolicySet");

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message,
        params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md", customTags: tags);
}
