using System.Linq;
using System.Text.RegularExpressions;

namespace Hangar.Policy.Analyzers.Checks;

/// <summary>The compile-time twin of the core's Kubernetes and MCP naming rules.</summary>
internal static class NameText
{
    private static readonly Regex DnsLabel = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex DnsSubdomain =
        new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelValue = new("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex Invalid = new("[^a-z0-9-]+", RegexOptions.CultureInvariant);

    public static bool IsDnsLabel(string value) => value.Length > 0 && value.Length <= 63 && DnsLabel.IsMatch(value);

    public static bool IsLabelValue(string value) => value.Length <= 63 && LabelValue.IsMatch(value);

    public static bool IsLabelKey(string key)
    {
        if (key.Length == 0)
            return false;
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key.Substring(slash + 1);
        var prefix = slash < 0 ? null : key.Substring(0, slash);
        return (prefix is null || (prefix.Length > 0 && prefix.Length <= 253 && DnsSubdomain.IsMatch(prefix)))
            && name.Length > 0 && name.Length <= 63 && LabelValue.IsMatch(name);
    }

    public static bool IsToolName(string name) =>
        name.Length > 0 && name.Length <= 128
        && name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.');

    public static bool IsHostname(string text)
    {
        var bare = text.StartsWith("*.", System.StringComparison.Ordinal) ? text.Substring(2) : text;
        return bare.Length > 0 && bare.Length <= 253 && bare.IndexOf('.') >= 0 && bare.Split('.').All(IsDnsLabel);
    }

    public static string SuggestDnsLabel(string value)
    {
        var lowered = Invalid.Replace(value.ToLowerInvariant(), "-").Trim('-');
        if (lowered.Length > 63)
            lowered = lowered.Substring(0, 63).TrimEnd('-');
        return lowered.Length == 0 ? "name" : lowered;
    }

    public static string? BinaryPathProblem(string path)
    {
        if (path.Length == 0 || path[0] != '/')
            return $"'{path}' is not an absolute path";
        // Engines count the bytes the kernel sees; 200 is KubeArmor's limit, the tightest, as in the core's FilePaths.
        var bytes = System.Text.Encoding.UTF8.GetByteCount(path);
        if (bytes > 200)
            return $"'{path}' is {bytes} bytes long in UTF-8; engines match at most 200 bytes";
        if (path.EndsWith("/", System.StringComparison.Ordinal))
            return $"'{path}' ends in '/', so it names a directory, not an executable";
        if (path.Any(char.IsControl))
            return $"'{path}' contains a control character";
        if (path.Contains("//") || path.Split('/').Any(p => p == "." || p == ".."))
            return $"'{path}' is not normalized ('//', '.' or '..')";
        return null;
    }
}
