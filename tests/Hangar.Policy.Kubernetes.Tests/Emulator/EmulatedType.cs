namespace Hangar.Policy.Kubernetes.Tests.Emulator;

/// <summary>A resource type the emulator serves.</summary>
internal sealed record EmulatedType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
