using System.Text.RegularExpressions;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>The <c>AllowEgress</c> and <c>DefaultDenyEgress</c> verbs.</summary>
public static partial class EgressRules
{
    /// <summary>
    /// Switches the scope to allowlist mode: outbound traffic is denied unless allowed. Cluster DNS stays
    /// reachable; with no allow at all everything but DNS is denied.
    /// </summary>
    public static TSelf DefaultDenyEgress<TSelf>(this TSelf scope, RuleMode? mode = null) where TSelf : ScopeBuilder<TSelf> =>
        scope.AddRule(new DefaultDenyEgressRule { Scope = scope.Scope }, mode);

    /// <summary>
    /// Allows traffic to <paramref name="destination"/> (a canonical CIDR, a single address, or a DNS name such
    /// as <c>api.github.com</c> or <c>*.github.com</c>) on <paramref name="ports"/>.
    /// </summary>
    public static TSelf AllowEgress<TSelf>(this TSelf scope, string destination, PortSet ports, RuleMode? mode = null)
        where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(ports);
        RejectAuditAllow(scope, mode, destination);
        var target = LooksLikeAddress(destination)
            ? EgressDestination.ForCidrs([CidrRules.ParseCidr(scope, "AllowEgress", destination)])
            : EgressDestination.ForHostname(CheckHostname(scope, destination));
        return scope.AddRule(new AllowEgressRule { Scope = scope.Scope, Destination = target, Ports = ports }, mode);
    }

    /// <summary>Allows traffic to every range of <paramref name="cidrs"/> on <paramref name="ports"/>.</summary>
    public static TSelf AllowEgress<TSelf>(this TSelf scope, IEnumerable<string> cidrs, PortSet ports, RuleMode? mode = null)
        where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        ArgumentNullException.ThrowIfNull(ports);
        RejectAuditAllow(scope, mode, "…");
        var parsed = cidrs.Select(c => CidrRules.ParseCidr(scope, "AllowEgress", c)).ToList();
        if (parsed.Count == 0)
            throw scope.Reject(DiagnosticIds.InvalidCidr, "AllowEgress([])", "no range was given",
                "pass at least one CIDR; to deny everything use DefaultDenyEgress() without allows");
        return scope.AddRule(new AllowEgressRule { Scope = scope.Scope,
            Destination = EgressDestination.ForCidrs(parsed), Ports = ports }, mode);
    }

    private static void RejectAuditAllow<TSelf>(TSelf scope, RuleMode? mode, string? destination) where TSelf : ScopeBuilder<TSelf>
    {
        if (mode == RuleMode.Audit)
            throw scope.Reject(DiagnosticIds.AuditAllow, $"AllowEgress(\"{destination}\", …, RuleMode.Audit)",
                "an allow has no audit mode: it only opens what an allowlist closes, so audit-only would mean allowed "
                    + "on some engines and blocked on others",
                "drop the mode; to observe before blocking, put the DefaultDenyEgress() of the scope in audit mode instead");
    }

    private static bool LooksLikeAddress(string? text) =>
        text is not null && (text.Contains(':') || text.Contains('/') || AddressLike().IsMatch(text));

    private static string CheckHostname<TSelf>(TSelf scope, string? text) where TSelf : ScopeBuilder<TSelf>
    {
        var bare = text is not null && text.StartsWith("*.", StringComparison.Ordinal) ? text[2..] : text;
        if (bare is { Length: > 0 and <= 253 } && bare.Split('.').All(KubernetesNames.IsDnsLabel) && bare.Contains('.'))
            return text!;
        throw scope.Reject(DiagnosticIds.InvalidDestination, $"AllowEgress(\"{text}\", …)",
            $"'{text}' is neither a CIDR nor a lowercase DNS name",
            "write a CIDR such as \"140.82.112.0/20\", an address, or a name such as \"api.github.com\" or \"*.github.com\"");
    }

    [GeneratedRegex(@"^[0-9.]+$")]
    private static partial Regex AddressLike();
}
