using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Rules;
using NuGet.Versioning;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.KubeArmor;

/// <summary>
/// Turns one scoped rule into KubeArmor entries: denies into the server's Block policy, allowlists into its Allow
/// policy. Answers how the rule is covered; rules about destinations are reported and never approximated.
/// </summary>
internal sealed class KubeArmorRuleCompiler(KubeArmorOptions options, NuGetVersion version)
{
    private const string Backend = KubeArmorBackend.BackendName;

    public CoverageEntry Compile(ScopedRule scoped, KubeArmorRuleSet denies, KubeArmorRuleSet allows)
    {
        var rule = scoped.Rule.Rule;
        if (rule is PathRule paths && paths.Paths.FirstOrDefault(p => !AppArmorPaths.CanCarry(p.Path)) is { } unsafePath)
        {
            return Entry(scoped, CoverageStatus.Unsupported,
                $"the path '{unsafePath.Path}' contains a quote or backslash, which KubeArmor's AppArmor profiles cannot carry "
                + "literally; nothing is emitted for this rule");
        }

        return rule switch
        {
            DenyExecRule exec => Deny(scoped, denies, exec.Paths, process: true, readOnly: false,
                "KubeArmor blocks executing the listed paths"),
            DenyFileAccessRule { Access: FileAccess.Write } file => Deny(scoped, denies, file.Paths, process: false, readOnly: true,
                "KubeArmor blocks writes to the listed paths (readOnly)"),
            DenyFileAccessRule { Access: FileAccess.Read } file => Deny(scoped, denies, file.Paths, process: false, readOnly: false,
                "KubeArmor blocks the listed paths; it cannot block reads alone, so writes are blocked too (stricter than declared)"),
            DenyFileAccessRule file => Deny(scoped, denies, file.Paths, process: false, readOnly: false,
                "KubeArmor blocks reading and writing the listed paths"),
            DenyCapabilityRule capabilities => Capabilities(scoped, denies, capabilities),
            DenySocketProtocolRule protocols => Protocols(scoped, denies, protocols),
            AuditSyscallRule syscalls => Syscalls(scoped, denies, syscalls),
            AllowExecRule exec => Allowlist(scoped, allows, "executables", () =>
            {
                foreach (var path in exec.Paths)
                    allows.AddProcess(Match(scoped, path, readOnly: false, action: null, fromSource: false), path.IsDirectory);
            }),
            DenyFileWritesOutsideRule writes => Allowlist(scoped, allows, "file access", () =>
            {
                allows.AddFile(Match(scoped, new PathMatch("/"), readOnly: true, action: null, fromSource: false), directory: true);
                foreach (var path in writes.Paths)
                    allows.AddFile(Match(scoped, path, readOnly: false, action: null, fromSource: false), path.IsDirectory);
            }),
            _ => Entry(scoped, CoverageStatus.Unsupported,
                "KubeArmor cannot match destination addresses, ports or directions for pods (only protocols), so it cannot "
                + "express this rule and nothing is approximated; use Tetragon or NetworkPolicy"),
        };
    }

    private CoverageEntry Deny(ScopedRule scoped, KubeArmorRuleSet denies, IEnumerable<PathMatch> paths, bool process, bool readOnly,
        string what)
    {
        foreach (var path in paths)
        {
            var entry = Match(scoped, path, readOnly, ActionFor(scoped), fromSource: true);
            if (process)
                denies.AddProcess(entry, path.IsDirectory);
            else
                denies.AddFile(entry, path.IsDirectory);
        }
        return Covered(scoped, what);
    }

    private CoverageEntry Capabilities(ScopedRule scoped, KubeArmorRuleSet denies, DenyCapabilityRule rule)
    {
        var known = rule.Capabilities.Where(IsKubeArmorCapability).ToList();
        foreach (var capability in known)
        {
            var entry = new ObjectNode { ["capability"] = LinuxCapabilities.Name(capability).ToLowerInvariant() };
            denies.AddCapability(Decorate(entry, scoped, ActionFor(scoped), fromSource: true));
        }

        var missing = rule.Capabilities.Where(c => !IsKubeArmorCapability(c)).Select(LinuxCapabilities.Name).ToList();
        var covered = Covered(scoped, "KubeArmor blocks using the listed capabilities");
        if (missing.Count == 0)
            return covered;
        var lacking = $"KubeArmor's capability list lacks {string.Join(", ", missing)}";
        if (known.Count == 0)
            return Entry(scoped, CoverageStatus.Unsupported, $"{lacking}; nothing is emitted");

        // What is emitted is covered as usual; the capabilities KubeArmor cannot name are not.
        var gap = $"{lacking}, so those are not covered (Tetragon's security_capable hook can block them)";
        return covered.Status is CoverageStatus.Enforced or CoverageStatus.Widened
            ? Entry(scoped, CoverageStatus.Partial, $"{covered.Reason}, except: {gap}")
            : covered with { Reason = $"{covered.Reason}; {gap}" };
    }

    private CoverageEntry Protocols(ScopedRule scoped, KubeArmorRuleSet denies, DenySocketProtocolRule rule)
    {
        var extended = KubeArmorFeatures.Table.Supports(KubeArmorFeatures.ExtendedProtocols, version);
        var missing = new List<SocketProtocol>();
        foreach (var protocol in rule.Protocols)
        {
            if (protocol is SocketProtocol.IcmpV6 or SocketProtocol.Sctp && !extended)
            {
                missing.Add(protocol);
                continue;
            }
            var entry = new ObjectNode { ["protocol"] = protocol.ToString().ToLowerInvariant() };
            denies.AddProtocol(Decorate(entry, scoped, ActionFor(scoped), fromSource: true));
        }
        if (missing.Count == 0)
            return Covered(scoped, "KubeArmor blocks creating sockets of the listed protocols");
        return Entry(scoped, CoverageStatus.Unsupported,
            $"KubeArmor {version} cannot match {string.Join(", ", missing.Select(p => p.ToString().ToLowerInvariant()))} sockets "
            + $"(needs {KubeArmorFeatures.Table[KubeArmorFeatures.ExtendedProtocols].Versions.PrettyPrint()})");
    }

    private static CoverageEntry Syscalls(ScopedRule scoped, KubeArmorRuleSet denies, AuditSyscallRule rule)
    {
        var known = rule.Syscalls.Where(KubeArmorSyscalls.IsKnown).ToList();
        // matchSyscalls entries take no tags, message or action; the policy's annotation carries the rule id.
        if (known.Count > 0)
        {
            var entry = new ObjectNode { ["syscall"] = known };
            if (!scoped.FromSource.IsEmpty)
                entry["fromSource"] = scoped.FromSource.Select(p => new ObjectNode { ["path"] = p }).ToList();
            denies.AddSyscalls(entry);
        }

        var missing = rule.Syscalls.Where(s => !KubeArmorSyscalls.IsKnown(s)).ToList();
        if (missing.Count > 0)
            return Entry(scoped, CoverageStatus.Unsupported, $"KubeArmor's syscall list lacks {string.Join(", ", missing)}");
        return Entry(scoped, CoverageStatus.Detected, "KubeArmor reports the listed system calls (syscall rules only ever audit)");
    }

    // KubeArmor's whitelist mode covers the whole container, and what no Allow entry lists follows the namespace's
    // file posture, so an allowlist only blocks under posture block, and tool scope always widens to the server.
    // The posture is a declared fact the backend trusts and states; undeclared means KubeArmor's default, audit.
    private CoverageEntry Allowlist(ScopedRule scoped, KubeArmorRuleSet allows, string what, Action emit)
    {
        var block = options.FilePosture == KubeArmorPosture.Block;
        if (scoped.Rule.Mode == RuleMode.Audit && block)
        {
            return Entry(scoped, CoverageStatus.Unsupported,
                $"with file posture block an Allow policy would block unlisted {what}, and this rule is audit-only; nothing is emitted");
        }

        emit();
        var widened = scoped.WidenedBecause
            ?? (scoped.FromSource.IsEmpty ? null
                : "KubeArmor's allowlist mode covers the whole container, so the rule applies to all of the tool's server");
        if (scoped.Rule.Mode == RuleMode.Audit || !block)
        {
            var posture = options.FilePosture is null
                ? "the file posture is not declared (engine_options.kubearmor.posture.file in hangar.yaml), so KubeArmor's "
                    + "default, audit, is assumed"
                : "the declared file posture is audit";
            return Entry(scoped, CoverageStatus.Detected, (widened is null ? "" : $"{widened}; ")
                + $"KubeArmor puts {what} in allowlist mode, and what the list leaves out follows the namespace's default file "
                + $"posture: {posture}, so what the list leaves out is only reported; declare posture block once the namespace is "
                + "annotated kubearmor-file-posture=block");
        }

        const string trusted = "the namespace's file posture is declared block (kubearmor-file-posture=block), which the backend "
            + "trusts without checking";
        return widened is null
            ? Entry(scoped, CoverageStatus.Enforced, $"KubeArmor allowlist for {what}; what the list leaves out is blocked: {trusted}")
            : Entry(scoped, CoverageStatus.Widened, $"{widened}; {trusted}");
    }

    private CoverageEntry Covered(ScopedRule scoped, string what)
    {
        if (scoped.Rule.Mode == RuleMode.Audit)
            return Entry(scoped, CoverageStatus.Detected, $"{what.Replace("blocks", "audits", StringComparison.Ordinal)} (audit mode)");
        return scoped.WidenedBecause is null
            ? Entry(scoped, CoverageStatus.Enforced, what + (scoped.FromSource.IsEmpty ? "" : ", for the tool's binaries (fromSource)"))
            : Entry(scoped, CoverageStatus.Widened, scoped.WidenedBecause);
    }

    private static string? ActionFor(ScopedRule scoped) => scoped.Rule.Mode == RuleMode.Audit ? "Audit" : null;

    private static ObjectNode Match(ScopedRule scoped, PathMatch path, bool readOnly, string? action, bool fromSource)
    {
        var entry = path.IsDirectory
            ? new ObjectNode { ["dir"] = path.Path, ["recursive"] = true }
            : new ObjectNode { ["path"] = path.Path };
        if (readOnly)
            entry["readOnly"] = true;
        return Decorate(entry, scoped, action, fromSource);
    }

    private static ObjectNode Decorate(ObjectNode entry, ScopedRule scoped, string? action, bool fromSource)
    {
        if (fromSource && !scoped.FromSource.IsEmpty)
            entry["fromSource"] = scoped.FromSource.Select(p => new ObjectNode { ["path"] = p }).ToList();
        entry["tags"] = new List<string> { scoped.Rule.Id.Value };
        entry["message"] = scoped.Rule.Rule.Describe();
        if (action is not null)
            entry["action"] = action;
        return entry;
    }

    // KubeArmor's capability enum stops at mac_admin (33); syslog, bpf, perfmon, checkpoint_restore and the rest are absent.
    private static bool IsKubeArmorCapability(LinuxCapability capability) => (int)capability <= (int)LinuxCapability.MacAdmin;

    private static CoverageEntry Entry(ScopedRule scoped, CoverageStatus status, string reason) =>
        new(scoped.Rule.Id, Backend, status, reason);
}
