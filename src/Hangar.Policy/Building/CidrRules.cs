using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>The <c>DenyCidr</c> verb.</summary>
public static class CidrRules
{
    /// <summary>Denies connections to <paramref name="cidr"/> (a canonical CIDR or a single address), on every port.</summary>
    public static TSelf DenyCidr<TSelf>(this TSelf scope, string cidr, RuleMode? mode = null) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenyCidr([cidr], PortSet.Any, mode);

    /// <summary>Denies connections to <paramref name="cidr"/> on <paramref name="ports"/>.</summary>
    public static TSelf DenyCidr<TSelf>(this TSelf scope, string cidr, PortSet ports,
        RuleMode? mode = null) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenyCidr([cidr], ports, mode);

    /// <summary>Denies connections to every range of <paramref name="cidrs"/> on <paramref name="ports"/>.</summary>
    public static TSelf DenyCidr<TSelf>(this TSelf scope, IEnumerable<string> cidrs, PortSet ports, RuleMode? mode = null)
        where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        ArgumentNullException.ThrowIfNull(ports);
        var parsed = cidrs.Select(c => ParseCidr(scope, "DenyCidr", c)).ToList();
        if (parsed.Count == 0)
            throw scope.Reject(DiagnosticIds.InvalidCidr, "DenyCidr([])", "no range was given",
                "pass at least one CIDR such as \"10.0.0.0/8\"");
        return scope.AddRule(new DenyCidrRule { Scope = scope.Scope, Cidrs = [.. parsed.Distinct().Order()], Ports = ports }, mode);
    }

    internal static IpCidr ParseCidr<TSelf>(TSelf scope, string verb, string? text) where TSelf : ScopeBuilder<TSelf>
    {
        if (IpCidr.TryParse(text, out var cidr, out var problem))
            return cidr;
        var fix = IpCidr.TryParse(Canonicalize(text), out var canonical, out _)
            ? $"write {verb}(\"{canonical}\")"
            : "write a canonical CIDR such as \"10.0.0.0/8\" or \"fd00::/8\"";
        throw scope.Reject(DiagnosticIds.InvalidCidr, $"{verb}(\"{text}\")", problem, fix);
    }

    // Offers the masked, lowercase spelling for a CIDR with host bits or upper-case hex.
    private static string? Canonicalize(string? text)
    {
        if (text is null)
            return null;
        var slash = text.IndexOf('/');
        // Only the spellings the parser takes, with host bits or upper case: never a guess at "010.0.0.0" or "10/8".
        if (slash < 0 || !IpCidr.TryParseAddress(text[..slash], out var address)
            || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, null, out var prefix))
            return null;
        try
        {
            return IpCidr.Create(address, prefix).ToString();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
