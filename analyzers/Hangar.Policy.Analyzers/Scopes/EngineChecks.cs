using System;
using System.Linq;
using Hangar.Policy.Analyzers.Diagnostics;
using Hangar.Policy.Analyzers.Engines;
using Microsoft.CodeAnalysis;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>HANGAR0201-0203: rules no selected engine enforces, unmatchable host names, too-old engine versions.</summary>
internal static class EngineChecks
{
    public static void Report(ScopeGraph graph, EngineSettings settings, Action<Diagnostic> report)
    {
        var engines = settings.Known.ToList();
        if (engines.Count == 0)
            return;
        var selected = string.Join(", ", engines);
        foreach (var rule in graph.Rules)
        {
            if (rule.IsAllow && rule.Hostname is not null)
            {
                if (!engines.Any(EngineCoverage.MatchesHostnames))
                    report(Diagnostic.Create(Descriptors.HostnameUnmatchable, rule.Location, rule.Describe(), selected));
            }
            else
                NotEnforced(rule, engines, selected, report);

            foreach (var engine in engines)
            {
                if (!settings.Versions.TryGetValue(engine, out var target))
                    continue;
                foreach (var (feature, needs) in EngineCoverage.MissingFeatures(engine, rule, target))
                {
                    report(Diagnostic.Create(Descriptors.EngineVersionTooOld, rule.Location, rule.Describe(),
                        engine, needs, feature, target));
                }
            }
        }
    }

    private static void NotEnforced(RuleFact rule, System.Collections.Generic.List<string> engines, string selected,
        Action<Diagnostic> report)
    {
        // A partial answer leaves part of what the rule names unblocked, so it does not count as covered.
        var answers = engines.Select(e => (Engine: e, Answer: EngineCoverage.Of(e, rule))).ToList();
        var covered = answers.Any(a => a.Answer.Coverage is Coverage.Enforced or Coverage.Unknown
            || (rule.IsAudit && a.Answer.Coverage == Coverage.Detected));
        if (covered)
            return;
        var why = string.Join("; ", answers.Select(a => a.Answer.Reason).Where(r => r.Length > 0).Distinct());
        var enforcers = string.Join(" or ", EngineCoverage.Enforcers(rule));
        var partly = answers.Any(a => a.Answer.Coverage == Coverage.Partial);
        var fix = rule.IsAllow && rule.Scope.Level == ScopeLevel.Tool && !rule.Scope.HasBinaries
            ? "name the tool's binaries with RunsAs(...) so that tetragon can scope the allow to them, or declare the allow on the server"
            : (enforcers.Length > 0, partly) switch
            {
                (true, true) => $"add an engine that enforces all of it ({enforcers}) to policy_engines or HangarPolicyEngines, "
                    + "or keep it knowing that the coverage matrix reports the part left uncovered",
                (true, false) => $"add an engine that enforces it ({enforcers}) to policy_engines or HangarPolicyEngines, or drop the rule",
                (false, true) => "no engine enforces all of it today; "
                    + "keep it knowing that the coverage matrix reports the part left uncovered",
                (false, false) => "no engine enforces it today, so drop it or keep it knowing that the coverage matrix reports the gap",
            };
        report(Diagnostic.Create(Descriptors.NotEnforced, rule.Location, rule.Describe(), $"{selected}: {why}", fix));
    }
}
