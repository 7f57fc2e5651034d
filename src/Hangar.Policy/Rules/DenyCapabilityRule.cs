using System.Collections.Immutable;
using Hangar.Policy.Model;

namespace Hangar.Policy.Rules;

/// <summary>Forbids using the listed Linux capabilities (e.g. NET_RAW, SYS_ADMIN), even where the pod was granted them.</summary>
public sealed record DenyCapabilityRule : ProcessRule
{
    /// <summary>The capabilities, sorted by number, distinct.</summary>
    public required ImmutableArray<LinuxCapability> Capabilities { get; init; }

    /// <inheritdoc />
    public override string Intent => "deny-capability";

    /// <inheritdoc />
    public override string? CanonicalParameters => string.Join(",", Capabilities.Select(LinuxCapabilities.Name));

    /// <inheritdoc />
    public override string Describe() => $"deny capabilities {string.Join(", ", Capabilities.Select(LinuxCapabilities.Name))}";
}
