using Hangar.Policy.Compilation;
using NuGet.Versioning;

namespace Hangar.Policy.Falco;

/// <summary>The Falco versions the backend emits for, and the constructs that need a given version.</summary>
/// <remarks>
/// Falco 0.41 is the oldest target: the container plugin that provides <c>container.*</c> and <c>k8s.pod.*</c>
/// fields ships from there on. Before 0.42 every syscall rule also needs <c>evt.dir=&lt;</c> so that it matches the
/// exit event only; from 0.42 on the field is deprecated and left out.
/// </remarks>
public static class FalcoFeatures
{
    /// <summary>The container plugin with <c>k8s.pod.label[…]</c> and <c>container.id</c> (Falco 0.41).</summary>
    public const string ContainerPlugin = "container-plugin";

    /// <summary>Syscall rules without <c>evt.dir</c>: Falco 0.42 matches exit events only and warns on the field.</summary>
    public const string ExitEventsOnly = "exit-events-only";

    /// <summary>The version targeted when the user names none: 0.42.0.</summary>
    public static NuGetVersion DefaultVersion { get; } = new(0, 42, 0);

    /// <summary>The rules-engine version of Falco 0.41, written as <c>required_engine_version</c>.</summary>
    public const string RequiredEngineVersion = "0.50.0";

    /// <summary>The container plugin version written as <c>required_plugin_versions</c>.</summary>
    public const string ContainerPluginVersion = "0.4.0";

    /// <summary>The feature table: Falco 0.41 up to (not including) 1.0.</summary>
    public static EngineFeatureTable Table { get; } = new(
        "Falco",
        DefaultVersion,
        VersionRange.Parse("[0.41.0, 1.0.0)"),
        [
            new EngineFeature(ContainerPlugin, VersionRange.Parse("[0.41.0, )"), "container plugin fields (container.*, k8s.pod.*)"),
            new EngineFeature(ExitEventsOnly, VersionRange.Parse("[0.42.0, )"), "syscall events without evt.dir (exit events only)"),
        ]);
}
