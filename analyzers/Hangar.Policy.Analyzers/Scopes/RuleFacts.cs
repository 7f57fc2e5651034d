using System.Collections.Generic;
using System.Linq;
using Hangar.Policy.Analyzers.Analysis;
using Hangar.Policy.Analyzers.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>Reads a rule verb call into a <see cref="RuleFact"/>.</summary>
internal static class RuleFacts
{
    // The fixed ranges of the core's LoopbackDestinations and of CloudMetadataDestinations.For(CloudProvider.All).
    private static readonly string[] Loopback = { "127.0.0.0/8", "0.0.0.0/8", "::1/128", "::/128" };
    private static readonly string[] CloudMetadata =
    {
        "169.254.0.0/16", "100.100.100.200/32", "168.63.129.16/32", "192.0.0.192/32",
        "fe80::/10", "fd00:ec2::254/128", "fd00:ec2::23/128", "fd20:ce::254/128", "fd00:c1::a9fe:a9fe/128",
    };
    private const int AllCloudProviders = 255;

    public static RuleFact Create(IInvocationOperation invocation, ScopeNode scope)
    {
        var fact = new RuleFact(invocation, scope)
        {
            Ports = PortsFact.From(Arguments.Named(invocation, "ports")),
            IsAudit = scope.SelfAndAncestors().Any(s => s.Audit) || ModeIsAudit(invocation)
                || invocation.TargetMethod.Name == "AuditSyscall",
        };
        switch (fact.Verb)
        {
            case "DenyLoopback":
                fact.Destinations = Parse(Loopback);
                break;
            case "DenyCloudMetadata":
                var providers = Arguments.Named(invocation, "providers");
                if (!Arguments.IsGiven(providers) || Arguments.Constant(providers) is AllCloudProviders)
                    fact.Destinations = Parse(CloudMetadata);
                break;
            case "DenyCidr":
            case "AllowEgress":
                ReadDestinations(invocation, fact);
                break;
        }
        fact.Identity = Identity(invocation, fact);
        return fact;
    }

    private static void ReadDestinations(IInvocationOperation invocation, RuleFact fact)
    {
        var argument = Arguments.Named(invocation, "cidr") ?? Arguments.Named(invocation, "cidrs")
            ?? Arguments.Named(invocation, "destination");
        if (argument is null || !Arguments.AllConstant(argument.Value))
            return;
        var texts = Arguments.Constants(argument.Value).Select(c => c.Value).OfType<string>().ToList();
        if (texts.Count == 1 && argument.Parameter?.Name == "destination" && !CidrText.LooksLikeAddress(texts[0]))
        {
            fact.Hostname = texts[0];
            return;
        }
        var parsed = new List<(byte[], int, string)>();
        foreach (var text in texts)
        {
            if (!CidrText.TryParse(text, out var network, out var prefix))
                return;
            parsed.Add((network, prefix, text));
        }
        fact.Destinations = parsed;
    }

    private static List<(byte[] Network, int Prefix, string Text)> Parse(IEnumerable<string> cidrs) =>
        cidrs.Select(c =>
        {
            CidrText.TryParse(c, out var network, out var prefix);
            return (network, prefix, c);
        }).ToList();

    private static bool ModeIsAudit(IInvocationOperation invocation)
    {
        var mode = Arguments.Named(invocation, "mode");
        // RuleMode.Audit is the second member of the enum (Enforce = 0, Audit = 1).
        if (!Arguments.IsGiven(mode))
            return false;
        var value = mode!.Value;
        while (value is IConversionOperation conversion)
            value = conversion.Operand;
        return value.ConstantValue is { HasValue: true, Value: 1 };
    }

    // Two calls declare the same rule when the verb and every argument but the mode say the same thing.
    private static string? Identity(IInvocationOperation invocation, RuleFact fact)
    {
        var parts = new List<string> { fact.Verb };
        if (fact.Verb is "DenyCidr" or "AllowEgress")
        {
            if (fact.Hostname is null && fact.Destinations is null)
                return null;
            parts.Add(fact.Hostname ?? string.Join(",", fact.Destinations!.Select(d => d.Text).Distinct().OrderBy(t => t)));
            parts.Add(fact.Ports.Text ?? "?");
            return fact.Ports.IsKnown ? string.Join("|", parts) : null;
        }
        foreach (var argument in invocation.Arguments.Skip(invocation.TargetMethod.IsExtensionMethod ? 1 : 0))
        {
            if (argument.Parameter?.Name == "mode")
                continue;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                parts.Add("default");
                continue;
            }
            if (!Arguments.AllConstant(argument.Value))
                return null;
            parts.Add(string.Join(",", Arguments.Constants(argument.Value).Select(c => c.Value.ToString()).Distinct().OrderBy(t => t)));
        }
        return string.Join("|", parts);
    }
}
