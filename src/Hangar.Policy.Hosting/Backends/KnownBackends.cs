using Hangar.Policy.Configuration;
using Hangar.Policy.Falco;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Tetragon;

namespace Hangar.Policy.Hosting.Backends;

/// <summary>The backend packages Hangar.Policy.Hosting ships with, registered under their engine names.</summary>
internal static class KnownBackends
{
    /// <summary>The engine used when neither <c>--engines</c> nor hangar.yaml names one.</summary>
    public const string DefaultEngine = NetworkPolicyBackend.BackendName;

    public static BackendRegistry Create() => new BackendRegistry()
        .Register(NetworkPolicyBackend.BackendName, () => new NetworkPolicyBackend())
        .Register(TetragonBackend.EngineName, () => new TetragonBackend())
        .Register(KubeArmorBackend.BackendName, (EngineOptionsSection? options) => new KubeArmorBackend(KubeArmorOptions.From(options)))
        .Register(FalcoBackend.BackendName, (EngineOptionsSection? options) => new FalcoBackend(FalcoOptions.From(options)));
}
