using Hangar.Policy.Model;

namespace Hangar.Policy.Testing.Events;

/// <summary>A hypothetical use of a Linux capability (the kernel's <c>capable()</c> check), e.g. NET_RAW for a raw socket.</summary>
/// <param name="Source">Whose process uses the capability.</param>
/// <param name="Capability">The capability.</param>
public sealed record CapabilityEvent(EventSource Source, LinuxCapability Capability) : ProcessEvent(Source)
{
    /// <inheritdoc />
    public override string ToString() => $"use of capability {LinuxCapabilities.Name(Capability)} by {Source}";
}
