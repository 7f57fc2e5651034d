using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Tetragon.Spec;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Tetragon.Process;

/// <summary>
/// Process-level rules at LSM hooks, each blocked with Override (-EPERM) through fmod_ret: executions at
/// <c>security_bprm_check</c>, file access at <c>security_file_permission</c> (MAY_READ 4, MAY_WRITE 2) and
/// capabilities at <c>security_capable</c>. A tool's rules are scoped to its binaries with matchBinaries. File rules
/// are partial: memory-mapped access, truncation, unlink, rename and creation never reach security_file_permission.
/// </summary>
internal sealed class ProcessFamily : IHookFamily
{
    private static readonly HookCall BprmCheck = new("security_bprm_check", [(0, "linux_binprm")], OverrideNeedsSingleKprobes: true);
    private static readonly HookCall FilePermission =
        new("security_file_permission", [(0, "file"), (1, "int")], OverrideNeedsSingleKprobes: true);
    private static readonly HookCall Capable = new("security_capable", [(2, "int")], OverrideNeedsSingleKprobes: true);

    /// <summary>Tetragon compares at most four integers in one Equal operator.</summary>
    private const int MaxEqualIntegers = 4;

    /// <inheritdoc />
    public void Plan(ServerPlan plan)
    {
        foreach (var scope in ProcessScope.For(plan))
        {
            var (rule, binaries) = (scope.Rule, scope.Binaries);
            var planned = rule.Rule switch
            {
                DenyExecRule exec => Plan(plan, rule, "exec", BprmCheck, binaries, PathSelectors(0, exec.Paths, [])),
                AllowExecRule exec => Plan(plan, rule, "exec", BprmCheck, binaries, [NotAny(0, exec.Paths, [])]),
                DenyFileAccessRule file => Plan(plan, rule, "files", FilePermission, binaries,
                    PathSelectors(0, file.Paths, [Mask(file.Access)])),
                DenyFileWritesOutsideRule writes => Plan(plan, rule, "files", FilePermission, binaries,
                    [NotAny(0, writes.Paths, [Mask(FileAccess.Write)])]),
                DenyCapabilityRule capabilities => Plan(plan, rule, "capabilities", Capable, binaries,
                    [.. capabilities.Capabilities.Select(c => ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Chunk(MaxEqualIntegers).Select(chunk => ImmutableArray.Create(new MatchArg(2, "Equal", [.. chunk])))]),
                _ => false,
            };
            if (!planned)
                continue;

            var what = rule.Rule switch
            {
                DenyExecRule or AllowExecRule => "security_bprm_check",
                DenyCapabilityRule => "security_capable",
                _ => "security_file_permission",
            };
            scope.Cover(plan, what, $"Tetragon makes {what} fail with EPERM (Override through fmod_ret)",
                Gap(rule.Rule));
        }
    }

    // security_file_permission sees read() and write() on open files only: pages of a memory-mapped file are read
    // and written without it, and truncation, unlink, rename and file creation go through other hooks.
    private static string? Gap(PolicyRule rule) => rule switch
    {
        DenyFileAccessRule { Access: FileAccess.Read } => "reads through memory-mapped files (mmap)",
        DenyFileAccessRule { Access: FileAccess.Write } or DenyFileWritesOutsideRule => WriteGap,
        DenyFileAccessRule => "reads through memory-mapped files (mmap), " + WriteGap,
        _ => null,
    };

    private const string WriteGap =
        "writes through shared memory-mapped files (mmap MAP_SHARED), truncation (O_TRUNC, truncate), unlink, rename "
        + "and file creation";

    private static bool Plan(ServerPlan plan, ResolvedRule rule, string family, HookCall hook, MatchBinaries? binaries,
        IEnumerable<ImmutableArray<MatchArg>> selectors)
    {
        var action = rule.Mode == RuleMode.Audit ? MatchAction.Post : MatchAction.OverrideEperm;
        foreach (var args in selectors)
            plan.Selectors.Add(new PlannedSelector(family, hook, rule.Mode, new HookSelector(args, binaries, [action]), [rule]));
        return true;
    }

    // Selectors are OR'd: one for the exact files (Equal), one for everything below the directories (Prefix).
    private static IEnumerable<ImmutableArray<MatchArg>> PathSelectors(int index, IEnumerable<PathMatch> paths, MatchArg[] extra)
    {
        var list = paths.ToList();
        var files = list.Where(p => !p.IsDirectory).Select(p => p.Path).ToImmutableArray();
        var directories = list.Where(p => p.IsDirectory).Select(p => p.Path).ToImmutableArray();
        if (!files.IsEmpty)
            yield return [new MatchArg(index, "Equal", files), .. extra];
        if (!directories.IsEmpty)
            yield return [new MatchArg(index, "Prefix", directories), .. extra];
    }

    // matchArgs of one selector are AND'd: neither one of the files nor below one of the directories.
    private static ImmutableArray<MatchArg> NotAny(int index, IEnumerable<PathMatch> paths, MatchArg[] extra)
    {
        var list = paths.ToList();
        var args = new List<MatchArg>();
        var files = list.Where(p => !p.IsDirectory).Select(p => p.Path).ToImmutableArray();
        var directories = list.Where(p => p.IsDirectory).Select(p => p.Path).ToImmutableArray();
        if (!files.IsEmpty)
            args.Add(new MatchArg(index, "NotEqual", files));
        if (!directories.IsEmpty)
            args.Add(new MatchArg(index, "NotPrefix", directories));
        return [.. args, .. extra];
    }

    // security_file_permission's mask: MAY_WRITE is 2, MAY_READ is 4; Mask matches when any listed bit is set.
    private static MatchArg Mask(FileAccess access) => new(1, "Mask", [access switch
    {
        FileAccess.Read => "4",
        FileAccess.Write => "2",
        _ => "6",
    }]);
}
