using System.Collections.Immutable;
using Hangar.Policy.Analyzers.Checks;
using Hangar.Policy.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hangar.Policy.Analyzers.Analysis;

/// <summary>
/// Reports constant arguments that the fluent verbs would reject at run time: CIDRs, ports, names, labels,
/// destinations, tool names and binary paths (HANGAR0001-HANGAR0006).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property of an HANGAR0001 diagnostic that holds the canonical CIDR, for the code fix.</summary>
    public const string CanonicalProperty = "canonical";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.InvalidCidr, Descriptors.InvalidPort, Descriptors.InvalidName, Descriptors.InvalidLabel,
        Descriptors.InvalidDestination, Descriptors.InvalidToolOrBinary);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PolicySymbols.From(start.Compilation) is not { } symbols)
                return;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, (IInvocationOperation)c.Operation), OperationKind.Invocation);
            start.RegisterOperationAction(
                c => AnalyzeCreation(c, symbols, (IObjectCreationOperation)c.Operation), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, PolicySymbols symbols, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!symbols.IsPolicyMethod(method))
            return;
        var type = method.ContainingType.OriginalDefinition;

        if (PolicySymbols.Is(type, symbols.CidrRules) && method.Name == "DenyCidr")
            CheckCidrs(context, invocation, "DenyCidr", "cidr", "cidrs");
        else if (PolicySymbols.Is(type, symbols.EgressRules) && method.Name == "AllowEgress")
        {
            CheckCidrs(context, invocation, "AllowEgress", null, "cidrs");
            CheckDestination(context, invocation);
        }
        else if (PolicySymbols.Is(type, symbols.Ports))
            CheckPorts(context, invocation);
        else if (PolicySymbols.Is(type, symbols.PolicySet) && method.Name == "Named")
            CheckName(context, invocation, "name", "PolicySet.Named", labelValue: true);
        else if (PolicySymbols.Is(type, symbols.PolicySetBuilder) && method.Name == "Workspace")
            CheckName(context, invocation, "name", "Workspace", labelValue: false);
        else if (PolicySymbols.Is(type, symbols.WorkspaceBuilder) && method.Name is "Server" or "InNamespace")
            CheckName(context, invocation, method.Name == "Server" ? "name" : "kubernetesNamespace", method.Name, labelValue: false);
        else if (PolicySymbols.Is(type, symbols.ServerBuilder) && method.Name == "SelectedBy")
            CheckLabel(context, invocation);
        else if (PolicySymbols.Is(type, symbols.ServerBuilder) && method.Name == "Tool")
            CheckToolName(context, invocation);
        else if (PolicySymbols.Is(type, symbols.ToolBuilder) && method.Name == "RunsAs")
            CheckBinaries(context, invocation);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, PolicySymbols symbols, IObjectCreationOperation creation)
    {
        if (!PolicySymbols.Is(creation.Type, symbols.PortRange) || creation.Arguments.Length < 3)
            return;
        var from = creation.Arguments[1].Value.ConstantValue;
        var to = creation.Arguments[2].Value.ConstantValue;
        if (from.HasValue && from.Value is int f && to.HasValue && to.Value is int t)
            CheckRange(context, creation.Syntax.GetLocation(), $"new PortRange(…, {f}, {t})", f, t);
    }

    private static void CheckCidrs(OperationAnalysisContext context, IInvocationOperation invocation, string verb,
        string? single, string list)
    {
        foreach (var name in new[] { single, list })
        {
            if (name is null || Arguments.Named(invocation, name) is not { } argument || !Arguments.IsGiven(argument))
                continue;
            foreach (var (operation, value) in Arguments.Constants(argument.Value))
            {
                if (value is not string text || CidrText.IsValid(text, out var problem, out var canonical))
                    continue;
                var properties = canonical is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(CanonicalProperty, canonical);
                var fix = canonical is null ? "write a canonical CIDR such as \"10.0.0.0/8\" or \"fd00::/8\"" : $"write \"{canonical}\"";
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidCidr, operation.Syntax.GetLocation(), properties,
                    $"{verb}(\"{text}\")", problem, fix));
            }
        }
    }

    private static void CheckDestination(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (Arguments.Named(invocation, "destination") is not { } argument || Arguments.Constant(argument) is not string text)
            return;
        if (CidrText.LooksLikeAddress(text))
        {
            if (CidrText.IsValid(text, out var problem, out var canonical))
                return;
            var properties = canonical is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(CanonicalProperty, canonical);
            var fix = canonical is null ? "write a canonical CIDR such as \"140.82.112.0/20\" or an address" : $"write \"{canonical}\"";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidCidr, argument.Value.Syntax.GetLocation(), properties,
                $"AllowEgress(\"{text}\", …)", problem, fix));
        }
        else if (!NameText.IsHostname(text))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidDestination, argument.Value.Syntax.GetLocation(),
                $"AllowEgress(\"{text}\", …)", $"'{text}' is neither a CIDR nor a lowercase DNS name",
                "write a CIDR such as \"140.82.112.0/20\", an address, or a name such as \"api.github.com\" or \"*.github.com\""));
        }
    }

    private static void CheckPorts(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (name is "TcpRange" or "UdpRange")
        {
            if (Arguments.Constant(Arguments.Named(invocation, "from")) is int from
                && Arguments.Constant(Arguments.Named(invocation, "to")) is int to)
                CheckRange(context, invocation.Syntax.GetLocation(), $"Ports.{name}({from}, {to})", from, to);
            return;
        }
        if (Arguments.Named(invocation, "ports") is not { } argument)
            return;
        foreach (var (operation, value) in Arguments.Constants(argument.Value))
        {
            if (value is int port && (port < 1 || port > 65535))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPort, operation.Syntax.GetLocation(),
                    $"Ports.{name}({port})", $"port {port} is outside 1-65535", "use a port between 1 and 65535"));
            }
        }
    }

    private static void CheckRange(OperationAnalysisContext context, Location location, string call, int from, int to)
    {
        foreach (var port in new[] { from, to })
        {
            if (port < 1 || port > 65535)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPort, location, call,
                    $"port {port} is outside 1-65535", "use a port between 1 and 65535"));
                return;
            }
        }
        if (to < from)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPort, location, call,
                $"port range {from}-{to} ends before it starts", $"write the lower port first ({to}, {from})"));
        }
    }

    private static void CheckName(OperationAnalysisContext context, IInvocationOperation invocation, string parameter, string verb,
        bool labelValue)
    {
        if (Arguments.Named(invocation, parameter) is not { } argument || Arguments.Constant(argument) is not string name)
            return;
        var valid = labelValue ? name.Length > 0 && NameText.IsLabelValue(name) : NameText.IsDnsLabel(name);
        if (valid)
            return;
        var problem = labelValue
            ? $"'{name}' is not a valid Kubernetes label value"
            : $"'{name}' cannot become a Kubernetes namespace, label value and object name";
        var rule = labelValue
            ? "use at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric"
            : "use a DNS-1123 label (lowercase letters, digits, '-', at most 63)";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidName, argument.Value.Syntax.GetLocation(),
            $"{verb}(\"{name}\")", problem, $"{rule}, e.g. '{NameText.SuggestDnsLabel(name)}'"));
    }

    private static void CheckLabel(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var keyArgument = Arguments.Named(invocation, "key");
        if (Arguments.Constant(keyArgument) is string key && !NameText.IsLabelKey(key))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidLabel, keyArgument!.Value.Syntax.GetLocation(),
                $"SelectedBy(\"{key}\", …)", $"'{key}' is not a valid label key",
                "use an optional DNS-subdomain prefix and '/', then at most 63 of [A-Za-z0-9_.-], e.g. 'app.kubernetes.io/name'"));
        }
        var valueArgument = Arguments.Named(invocation, "value");
        if (Arguments.Constant(valueArgument) is string value && !NameText.IsLabelValue(value))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidLabel, valueArgument!.Value.Syntax.GetLocation(),
                $"SelectedBy(…, \"{value}\")", $"'{value}' is not a valid label value",
                "use at most 63 of [A-Za-z0-9_.-], starting and ending alphanumeric"));
        }
    }

    private static void CheckToolName(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (Arguments.Named(invocation, "name") is not { } argument || Arguments.Constant(argument) is not string name)
            return;
        if (!NameText.IsToolName(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidToolOrBinary, argument.Value.Syntax.GetLocation(),
                $"Tool(\"{name}\")", $"'{name}' is not a valid MCP tool name",
                "use 1-128 characters of [A-Za-z0-9_.-], exactly as the server lists the tool"));
        }
    }

    private static void CheckBinaries(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (Arguments.Named(invocation, "binaries") is not { } argument)
            return;
        foreach (var (operation, value) in Arguments.Constants(argument.Value))
        {
            if (value is string path && NameText.BinaryPathProblem(path) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidToolOrBinary, operation.Syntax.GetLocation(),
                    $"RunsAs(\"{path}\")", problem, "give the absolute path of the executable, e.g. '/usr/bin/git'"));
            }
        }
    }
}
