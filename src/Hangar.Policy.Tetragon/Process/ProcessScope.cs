using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Process;

/// <summary>
/// The processes a process-level rule applies to: the server's rules to every process of its pods, a tool's rules
/// to the tool's binaries (and, from Tetragon v1.2.0, the processes they start), or to the whole server when the
/// tool names no binary.
/// </summary>
internal sealed record ProcessScope(ResolvedRule Rule, ToolTarget? Tool, MatchBinaries? Binaries)
{
    /// <summary>True when a tool's rule applies to the whole server because the tool names no binary.</summary>
    public bool IsWidened => Tool is { Binaries.IsEmpty: true };

    /// <summary>Every rule of the server and of its tools, server rules first, each in id order.</summary>
    public static IEnumerable<ProcessScope> For(ServerPlan plan)
    {
        foreach (var rule in plan.Server.Rules.OrderBy(r => r.Id))
            yield return new ProcessScope(rule, null, null);
        foreach (var tool in plan.Server.Tools)
        {
            var binaries = tool.Binaries.IsEmpty ? null
                : new MatchBinaries("In", tool.Binaries, plan.Supports(TetragonFeatures.FollowChildren));
            foreach (var rule in tool.Rules.OrderBy(r => r.Id))
                yield return new ProcessScope(rule, tool, binaries);
        }
    }

    /// <summary>
    /// The coverage of a rule planned with <paramref name="action"/> (what the enforced rule makes happen) at the
    /// <c>security_*</c> function <paramref name="hook"/>, blocked with Override: detected in audit mode, widened for
    /// a tool without binaries, else enforced. A <paramref name="gap"/> (what the rule forbids that never reaches
    /// the hook) makes it partial instead, and is named in the reason. Before Tetragon v1.7.0 the reason adds the
    /// kernel option Override needs there.
    /// </summary>
    public void Cover(ServerPlan plan, string hook, string action, string? gap = null)
    {
        var missed = gap is null ? "" : $"; not covered: {gap}, which never reach {hook}";
        if (Rule.Mode == RuleMode.Audit)
        {
            plan.Cover(Rule, CoverageStatus.Detected,
                $"Tetragon reports it at {hook} (audit mode, Post only)" + missed);
            return;
        }

        var kernel = plan.Supports(TetragonFeatures.ParentBinaries) ? ""
            : $"; before Tetragon v1.7.0 (targeting {plan.Context.EngineVersion}) the kernel also needs "
                + "CONFIG_BPF_KPROBE_OVERRIDE, or Tetragon rejects the policy";
        if (IsWidened)
        {
            // Partial is the weaker answer: part of what the rule forbids gets through even on the wider scope.
            plan.Cover(Rule, gap is null ? CoverageStatus.Widened : CoverageStatus.Partial,
                $"tool '{Tool!.Name}' names no binary (RunsAs), so Tetragon blocks it at {hook} "
                + $"for all of server '{plan.Server.Server}'" + missed + kernel);
            return;
        }
        var processes = Binaries is null ? ""
            : " for the tool's binaries (matchBinaries)"
                + (Binaries.FollowChildren ? "" : ", not the processes they start (followChildren needs Tetragon v1.2.0)");
        var status = gap is null ? CoverageStatus.Enforced : CoverageStatus.Partial;
        plan.Cover(Rule, status, action + processes + missed + kernel);
    }
}
