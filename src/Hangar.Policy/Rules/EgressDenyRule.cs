using Hangar.Policy.Model;

namespace Hangar.Policy.Rules;

/// <summary>A rule that forbids outbound connections to a set of destinations.</summary>
public abstract record EgressDenyRule : PolicyRule
{
    /// <summary>The ports the denial covers; <see cref="PortSet.Any"/> unless narrowed.</summary>
    public PortSet Ports { get; init; } = PortSet.Any;
}
