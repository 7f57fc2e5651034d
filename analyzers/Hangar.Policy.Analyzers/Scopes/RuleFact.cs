using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Operations;

namespace Hangar.Policy.Analyzers.Scopes;

/// <summary>One rule verb call, with what constants tell about it.</summary>
internal sealed class RuleFact
{
    public RuleFact(IInvocationOperation invocation, ScopeNode scope)
    {
        Invocation = invocation;
        Scope = scope;
    }

    public IInvocationOperation Invocation { get; }

    public ScopeNode Scope { get; }

    /// <summary>The verb, e.g. <c>DenyCidr</c>.</summary>
    public string Verb => Invocation.TargetMethod.Name;

    /// <summary>The verb and its arguments (<c>DenyCidr("10.0.0.0/8")</c>), not the chain before it.</summary>
    public Location Location => Invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call
        ? Location.Create(call.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, call.Span.End))
        : Invocation.Syntax.GetLocation();

    /// <summary>Text equal for two calls that declare the same rule, or null when arguments are not constant.</summary>
    public string? Identity { get; set; }

    /// <summary>Fixed destinations (network bytes and prefix), or null when unknown or resolved from cluster facts.</summary>
    public List<(byte[] Network, int Prefix, string Text)>? Destinations { get; set; }

    /// <summary>The DNS name an allow names, or null.</summary>
    public string? Hostname { get; set; }

    public PortsFact Ports { get; set; } = PortsFact.Any;

    /// <summary>True when the rule is audit-only (its mode argument, or Audit() on its scope).</summary>
    public bool IsAudit { get; set; }

    public bool IsAllow => Verb == "AllowEgress";

    public bool IsEgressDeny => Verb is "DenyCidr" or "DenyLoopback" or "DenyCloudMetadata" or "DenyClusterInternal"
        or "DenyLateral" or "DenyCorporateNetwork";

    public bool IsNetwork => IsAllow || IsEgressDeny || Verb == "DefaultDenyEgress";

    /// <summary>A short description for messages: <c>AllowEgress("10.1.0.0/16", …)</c>.</summary>
    public string Describe()
    {
        var text = Invocation.Syntax.ToString();
        var dot = text.LastIndexOf("." + Verb + "(", System.StringComparison.Ordinal);
        var call = dot >= 0 ? text.Substring(dot + 1) : text;
        return call.Length > 80 ? call.Substring(0, 77) + "...)" : call;
    }
}
