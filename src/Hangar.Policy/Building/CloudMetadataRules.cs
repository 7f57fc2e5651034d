using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>The <c>DenyCloudMetadata</c> verb.</summary>
public static class CloudMetadataRules
{
    /// <summary>
    /// Denies the instance-metadata and credential services of <paramref name="providers"/> (every provider and
    /// the whole link-local ranges by default), in IPv4 and IPv6.
    /// </summary>
    public static TSelf DenyCloudMetadata<TSelf>(this TSelf scope, CloudProvider providers = CloudProvider.All, RuleMode? mode = null)
        where TSelf : ScopeBuilder<TSelf>
    {
        if (providers == CloudProvider.None || (providers & ~CloudProvider.All) != 0)
            throw scope.Reject(DiagnosticIds.InvalidDestination, $"DenyCloudMetadata({providers})",
                $"'{providers}' names no known cloud provider",
                "pass CloudProvider.All or a combination such as CloudProvider.Aws | CloudProvider.Gcp");
        return scope.AddRule(new DenyCloudMetadataRule { Scope = scope.Scope, Providers = providers }, mode);
    }
}
