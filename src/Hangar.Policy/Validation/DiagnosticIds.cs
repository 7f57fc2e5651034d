namespace Hangar.Policy.Validation;

/// <summary>
/// The diagnostic ids shared by run-time validation and the Roslyn analyzers, banded by category:
/// 00xx argument values, 01xx rule consistency, 02xx engines and coverage, 03xx tool manifests, 04xx usage.
/// Each id has a page at <c>docs/diagnostics/{id}.md</c>.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>A CIDR that is malformed, not canonical, or has host bits set.</summary>
    public const string InvalidCidr = "HANGAR0001";
    /// <summary>A port or port range outside 1-65535.</summary>
    public const string InvalidPort = "HANGAR0002";
    /// <summary>A workspace, server or policy-set name that cannot become a Kubernetes name.</summary>
    public const string InvalidName = "HANGAR0003";
    /// <summary>A label key or value that Kubernetes rejects.</summary>
    public const string InvalidLabel = "HANGAR0004";
    /// <summary>A destination that is neither an address range nor a DNS name.</summary>
    public const string InvalidDestination = "HANGAR0005";
    /// <summary>A tool name or binary path that cannot be used.</summary>
    public const string InvalidToolOrBinary = "HANGAR0006";
    /// <summary>A file, executable or directory path of a process-level rule that engines cannot match literally.</summary>
    public const string InvalidPath = "HANGAR0007";
    /// <summary>A Linux capability name that does not exist.</summary>
    public const string InvalidCapability = "HANGAR0008";
    /// <summary>A system call name that is malformed or unknown to the engine.</summary>
    public const string InvalidSyscall = "HANGAR0009";
    /// <summary>
    /// A path of an allow-style rule or of RunsAs that starts with a directory that is a symbolic link in common
    /// images (<c>/bin</c>, <c>/var/run</c>, …), so engines matching the resolved path never match it.
    /// </summary>
    public const string SymlinkedPath = "HANGAR0010";

    /// <summary>An allow rule whose destination lies wholly inside a range denied at the same or a wider scope.</summary>
    public const string AllowInsideDeny = "HANGAR0101";
    /// <summary>The same rule declared twice at one scope.</summary>
    public const string DuplicateRule = "HANGAR0102";
    /// <summary>Allowlist mode with no allow: everything but DNS is blocked.</summary>
    public const string EmptyAllowlist = "HANGAR0103";
    /// <summary>Two workspaces, servers or tools with the same name.</summary>
    public const string DuplicateScope = "HANGAR0104";
    /// <summary>Two servers of one namespace whose pod selectors overlap, so engines that add up rules would mix them.</summary>
    public const string OverlappingServers = "HANGAR0105";
    /// <summary>Audit() or Enforce() called after rules of the same scope.</summary>
    public const string ModeAfterRules = "HANGAR0106";
    /// <summary>An allow rule marked audit-only.</summary>
    public const string AuditAllow = "HANGAR0107";

    /// <summary>A rule that none of the selected engines enforces.</summary>
    public const string NotEnforced = "HANGAR0201";
    /// <summary>A hostname rule where no selected engine can match hostnames.</summary>
    public const string HostnameUnmatchable = "HANGAR0202";
    /// <summary>A feature the target engine version cannot express.</summary>
    public const string EngineVersionTooOld = "HANGAR0203";
    /// <summary>A rule that needs a cluster fact that was not given.</summary>
    public const string MissingClusterFact = "HANGAR0204";
    /// <summary>An engine name that no backend answers to.</summary>
    public const string UnknownEngine = "HANGAR0205";
    /// <summary>Two emitted objects with the same kind, namespace and name.</summary>
    public const string ObjectNameCollision = "HANGAR0206";
    /// <summary>More emitted objects than the engine can load.</summary>
    public const string EngineLimitExceeded = "HANGAR0207";

    /// <summary>A tool name the server's tool manifest does not list.</summary>
    public const string UnknownTool = "HANGAR0301";
    /// <summary>A <c>*.tools.json</c> tool manifest that cannot be read.</summary>
    public const string InvalidToolManifest = "HANGAR0302";
    /// <summary>A tool named by a string where a generated typed handle exists.</summary>
    public const string ToolNameString = "HANGAR0303";

    /// <summary>A built policy that is never returned or registered.</summary>
    public const string DiscardedPolicy = "HANGAR0401";
    /// <summary>A member marked <c>[HangarPolicy]</c> that is not static, takes parameters, or returns no PolicySet.</summary>
    public const string InvalidPolicyMember = "HANGAR0402";
}
