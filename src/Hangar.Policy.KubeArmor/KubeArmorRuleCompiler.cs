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

    /// <summary>
    /// Compiles <paramref name="scoped"/>; an allowlist is only collected into <paramref name="allowlists"/> and its
    /// coverage is null until <see cref="Emit"/> has intersected the server's lists.
    /// </summary>
    public CoverageEntry? Compile(ScopedRule scoped, KubeArmorRuleSet denies, KubeArmorAllowlists allowlists)
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
            DenyFileAccessRule { Access: FileAccess.Read } file => AlsoBlocksWrites(Deny(scoped, denies, file.Paths, process: false,
                readOnly: false, ReadDenyBlocksWrites)),
            DenyFileAccessRule file => Deny(scoped, denies, file.Paths, process: false, readOnly: false,
                "KubeArmor blocks reading and writing the listed paths"),
            DenyCapabilityRule capabilities => Capabilities(scoped, denies, capabilities),
            DenySocketProtocolRule protocols => Protocols(scoped, denies, protocols),
            AuditSyscallRule syscalls => Syscalls(scoped, denies, syscalls),
            AllowExecRule exec => Collect(scoped, allowlists.Executables, exec.Paths, "executables"),
            DenyFileWritesOutsideRule writes => Collect(scoped, allowlists.Writes, writes.Paths, "file access"),
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

    // An audit-only allowlist cannot be written under posture block: the Allow policy would block what it leaves out.
    private CoverageEntry? Collect(ScopedRule scoped, KubeArmorAllowlist allowlist, IEnumerable<PathMatch> paths, string what)
    {
        if (scoped.Rule.Mode == RuleMode.Audit && options.FilePosture == KubeArmorPosture.Block)
        {
            return Entry(scoped, CoverageStatus.Unsupported,
                $"with file posture block an Allow policy would block unlisted {what}, and this rule is audit-only; nothing is emitted");
        }
        allowlist.Add(scoped, [.. paths]);
        return null;
    }

    /// <summary>
    /// Writes the intersection of the server's allowlists into <paramref name="allows"/> and answers the coverage of
    /// each collected rule. When the executables' lists share nothing, nothing may run: a deny of every executable goes
    /// into <paramref name="denies"/> instead, since an Allow policy without entries would allow everything.
    /// </summary>
    public IEnumerable<(ScopedRule Scoped, CoverageEntry Coverage, bool Denied)> Emit(KubeArmorAllowlists allowlists,
        KubeArmorRuleSet allows, KubeArmorRuleSet denies)
    {
        var results = new List<(ScopedRule, CoverageEntry, bool)>();
        var executables = allowlists.Executables;
        if (executables.Count > 0)
        {
            var paths = executables.Paths();
            foreach (var path in paths)
                allows.AddProcess(Intersected(executables, path, readOnly: false, action: null), path.IsDirectory);
            // Audit-only lists report and never block, so only the enforced lists decide whether nothing may run.
            static bool Enforced(ScopedRule r) => r.Rule.Mode == RuleMode.Enforce;
            var blocksAll = executables.Rules.Any(Enforced) && executables.Paths(Enforced).Count == 0;
            if (paths.Count == 0)
            {
                var action = blocksAll ? null : "Audit";
                denies.AddProcess(Intersected(executables, new PathMatch("/"), readOnly: false, action), directory: true);
            }
            results.AddRange(executables.Rules.Select(r => (r, Allowlist(r, executables, "executables", blocksAll), paths.Count == 0)));
        }

        var writes = allowlists.Writes;
        if (writes.Count > 0)
        {
            allows.AddFile(Intersected(writes, new PathMatch("/"), readOnly: true, action: null), directory: true);
            foreach (var path in writes.Paths())
                allows.AddFile(Intersected(writes, path, readOnly: false, action: null), path.IsDirectory);
            results.AddRange(writes.Rules.Select(r => (r, Allowlist(r, writes, "file access", blocksAll: false), false)));
        }
        return results;
    }

    // KubeArmor's whitelist mode covers the whole container, and what no Allow entry lists follows the namespace's
    // file posture, so an allowlist only blocks under posture block, and tool scope always widens to the server.
    // The posture is a declared fact the backend trusts and states; undeclared means KubeArmor's default, audit.
    // When the lists share nothing, a Block entry for every executable enforces them whatever the posture.
    private CoverageEntry Allowlist(ScopedRule scoped, KubeArmorAllowlist allowlist, string what, bool blocksAll)
    {
        var intersected = allowlist.Count == 1 ? ""
            : $"; the {allowlist.Count} {what} allowlists of this server (workspace, server and tool rules) are intersected "
                + "into one, since KubeArmor admits what any Allow entry lists";
        var widened = scoped.WidenedBecause
            ?? (scoped.FromSource.IsEmpty ? null
                : "KubeArmor's allowlist mode covers the whole container, so the rule applies to all of the tool's server");
        if (allowlist.MixesScopes)
        {
            widened = (widened is null ? "" : widened + "; ")
                + $"KubeArmor cannot confine a tool's processes with their own {what} allowlist (its allowlist mode covers the "
                + "whole container), so the server's and its tools' allowlists are intersected: every process of the server may "
                + "only use what all of them list, which is stricter than declared for the processes a tool list does not name";
        }
        var enforced = scoped.Rule.Mode == RuleMode.Enforce && (blocksAll || options.FilePosture == KubeArmorPosture.Block);
        if (!enforced)
        {
            var posture = options.FilePosture is null
                ? "the file posture is not declared (engine_options.kubearmor.posture.file in hangar.yaml), so KubeArmor's "
                    + "default, audit, is assumed"
                : "the declared file posture is audit";
            return Entry(scoped, CoverageStatus.Detected, (widened is null ? "" : $"{widened}; ")
                + $"KubeArmor puts {what} in allowlist mode, and what the list leaves out follows the namespace's default file "
                + $"posture: {posture}, so what the list leaves out is only reported; declare posture block once the namespace is "
                + "annotated kubearmor-file-posture=block" + intersected);
        }

        var trusted = blocksAll
            ? "the allowlists share no executable, so a Block entry for every executable under / is emitted"
            : "the namespace's file posture is declared block (kubearmor-file-posture=block), which the backend trusts without "
                + "checking";
        return widened is null
            ? Entry(scoped, CoverageStatus.Enforced, $"KubeArmor allowlist for {what}; what the list leaves out is blocked: {trusted}"
                + intersected)
            : Entry(scoped, CoverageStatus.Widened, $"{widened}; {trusted}");
    }

    // An entry of an intersection stands for every rule intersected, so it carries all their ids.
    private static ObjectNode Intersected(KubeArmorAllowlist allowlist, PathMatch path, bool readOnly, string? action)
    {
        var rules = allowlist.Rules.ToList();
        var entry = Match(rules[0], path, readOnly, action, fromSource: false);
        if (rules.Count > 1)
        {
            entry["tags"] = rules.Select(r => r.Rule.Id.Value).Distinct().ToList();
            entry["message"] = "allowed by every allowlist: " + string.Join("; ", rules.Select(r => r.Rule.Rule.Describe()).Distinct());
        }
        return entry;
    }

    private const string ReadDenyBlocksWrites =
        "KubeArmor blocks the listed paths; it cannot block reads alone, so writes are blocked too (stricter than declared)";

    // Blocking writes the policy allows is stricter than declared, so an enforced read deny is reported widened.
    private static CoverageEntry AlsoBlocksWrites(CoverageEntry entry) => entry.Status switch
    {
        CoverageStatus.Enforced => entry with { Status = CoverageStatus.Widened },
        CoverageStatus.Widened => entry with { Reason = $"{entry.Reason}; {ReadDenyBlocksWrites}" },
        _ => entry,
    };

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
