using System.Text.RegularExpressions;

namespace Hangar.Policy.Validation;

/// <summary>The Kubernetes naming rules that policy names and labels must follow.</summary>
public static partial class KubernetesNames
{
    /// <summary>True for a DNS-1123 label: at most 63 lowercase letters, digits and '-', alphanumeric at both ends.</summary>
    public static bool IsDnsLabel(string? value) => value is { Length: > 0 and <= 63 } && DnsLabel().IsMatch(value);

    /// <summary>True for a DNS-1123 subdomain of at most 253 characters.</summary>
    public static bool IsDnsSubdomain(string? value) => value is { Length: > 0 and <= 253 } && DnsSubdomain().IsMatch(value);

    /// <summary>True for a label value: empty, or at most 63 of [A-Za-z0-9_.-], alphanumeric at both ends.</summary>
    public static bool IsLabelValue(string? value) => value is not null && value.Length <= 63 && LabelValue().IsMatch(value);

    /// <summary>True for a label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static bool IsLabelKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return false;
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefix = slash < 0 ? null : key[..slash];
        return (prefix is null || IsDnsSubdomain(prefix)) && name.Length is > 0 and <= 63 && LabelValue().IsMatch(name);
    }

    /// <summary>
    /// Suggests a DNS-1123 label for <paramref name="value"/>: lowercase, invalid characters replaced by '-',
    /// trimmed to 63 characters.
    /// </summary>
    public static string SuggestDnsLabel(string value)
    {
        var lowered = Invalid().Replace(value.ToLowerInvariant(), "-").Trim('-');
        if (lowered.Length > 63)
            lowered = lowered[..63].TrimEnd('-');
        return lowered.Length == 0 ? "name" : lowered;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex Invalid();
}
