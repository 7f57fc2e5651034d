using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Building;

/// <summary>The verbs that deny cluster-internal, lateral and corporate traffic, all resolved from cluster facts.</summary>
public static class ClusterRules
{
    /// <summary>Denies the pod and service ranges and the Kubernetes API (from cluster facts); cluster DNS stays reachable.</summary>
    public static TSelf DenyClusterInternal<TSelf>(this TSelf scope, RuleMode? mode = null) where TSelf : ScopeBuilder<TSelf> =>
        scope.AddRule(new DenyClusterInternalRule { Scope = scope.Scope }, mode);

    /// <summary>Denies connections to pods of other workspaces.</summary>
    public static TSelf DenyLateral<TSelf>(this TSelf scope, RuleMode? mode = null) where TSelf : ScopeBuilder<TSelf> =>
        scope.AddRule(new DenyLateralRule { Scope = scope.Scope }, mode);

    /// <summary>Denies the corporate ranges given as cluster facts.</summary>
    public static TSelf DenyCorporateNetwork<TSelf>(this TSelf scope, RuleMode? mode = null) where TSelf : ScopeBuilder<TSelf> =>
        scope.AddRule(new DenyCorporateNetworkRule { Scope = scope.Scope }, mode);
}
