namespace Hangar.Policy.Falco;

/// <summary>How the Falco backend emits.</summary>
public sealed record FalcoOptions
{
    /// <summary>The namespace of the ConfigMap that carries the rules (Falco's own namespace). Default: <c>falco</c>.</summary>
    public string Namespace { get; init; } = "falco";
}
