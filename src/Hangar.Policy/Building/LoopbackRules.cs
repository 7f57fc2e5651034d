using Hangar.Policy.Model;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Building;

/// <summary>The <c>DenyLoopback</c> verb.</summary>
public static class LoopbackRules
{
    /// <summary>
    /// Denies connections to the pod itself: 127.0.0.0/8, 0.0.0.0/8, ::1, :: and their IPv4-mapped forms.
    /// NetworkPolicy cannot see this traffic; Tetragon enforces it.
    /// </summary>
    public static TSelf DenyLoopback<TSelf>(this TSelf scope, RuleMode? mode = null) where TSelf : ScopeBuilder<TSelf> =>
        scope.AddRule(new DenyLoopbackRule { Scope = scope.Scope }, mode);
}
