using Hangar.Policy.Configuration;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Falco;

/// <summary>How the Falco backend emits.</summary>
/// <example>
/// In hangar.yaml (read by <see cref="From"/>):
/// <code>
/// engine_options:
///   falco: { namespace: security }
/// </code>
/// </example>
public sealed record FalcoOptions
{
    /// <summary>The namespace of the ConfigMap that carries the rules (Falco's own namespace). Default: <c>falco</c>.</summary>
    public string Namespace { get; init; } = "falco";

    /// <summary>
    /// Reads the <c>engine_options.falco</c> section of hangar.yaml: <c>namespace</c>, a namespace name. A null
    /// section gives the defaults. Throws <see cref="HangarConfigException"/> naming the key and the value otherwise.
    /// </summary>
    public static FalcoOptions From(EngineOptionsSection? section)
    {
        var options = new FalcoOptions();
        if (section is null)
            return options;

        section.AllowOnly("namespace");
        if (!section.Contains("namespace"))
            return options;
        var ns = section.Value("namespace");
        return KubernetesNames.IsDnsLabel(ns) ? options with { Namespace = ns }
            : throw section.Error("namespace", $"'{ns}' is not a namespace name", "write Falco's namespace, e.g. falco");
    }
}
