using System;
using System.Collections.Generic;
using System.Linq;
using Hangar.Policy.Analyzers.Checks;
using Hangar.Policy.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>HANGAR0101-0103: allows inside denies, repeated rules and allowlists with no allow.</summary>
internal static class RuleChecks
{
    public static void Report(ScopeGraph graph, Action<Diagnostic> report)
    {
        foreach (var scope in graph.Rules.Select(r => r.Scope).Distinct())
        {
            Duplicates(scope, report);
            AllowsInsideDenies(scope, report);
            EmptyAllowlist(scope, report);
        }
    }

    private static void Duplicates(ScopeNode scope, Action<Diagnostic> report)
    {
        var seen = new Dictionary<string, RuleFact>(StringComparer.Ordinal);
        foreach (var rule in scope.Rules.Where(r => r.Identity is not null).OrderBy(r => r.Location.SourceSpan.Start))
        {
            if (seen.TryGetValue(rule.Identity!, out var first))
            {
                var line = first.Location.GetLineSpan().StartLinePosition.Line + 1;
                report(Diagnostic.Create(Descriptors.DuplicateRule, rule.Location, rule.Describe(), line));
            }
            else
                seen[rule.Identity!] = rule;
        }
    }

    private static void AllowsInsideDenies(ScopeNode scope, Action<Diagnostic> report)
    {
        foreach (var allow in scope.Rules.Where(r => r.IsAllow && r.Destinations is { Count: > 0 } && r.Ports.IsKnown))
        {
            var deny = scope.SelfAndAncestors().SelectMany(s => s.Rules)
                .FirstOrDefault(d => d.IsEgressDeny && d.Destinations is not null && d.Ports.Covers(allow.Ports)
                    && allow.Destinations!.All(a => d.Destinations.Any(x => CidrText.Contains(x.Network, x.Prefix, a.Network, a.Prefix))));
            if (deny is not null)
                report(Diagnostic.Create(Descriptors.AllowInsideDeny, allow.Location, allow.Describe(), deny.Describe(), deny.Scope.Path));
        }
    }

    private static void EmptyAllowlist(ScopeNode scope, Action<Diagnostic> report)
    {
        if (!scope.AncestryKnown)
            return;
        var allowlist = scope.Rules.FirstOrDefault(r => r.Verb == "DefaultDenyEgress");
        if (allowlist is not null && !scope.SelfAndAncestors().SelectMany(s => s.Rules).Any(r => r.IsAllow))
            report(Diagnostic.Create(Descriptors.EmptyAllowlist, allowlist.Location, scope.Path));
    }
}
