namespace Hangar.Policy.Compilation;

/// <summary>
/// An enforcement engine the compiler can emit for. A backend reads the resolved model only (never C#
/// syntax) and answers, for every rule, how it covers it.
/// </summary>
public interface IPolicyBackend
{
    /// <summary>The engine name used in options and hangar.yaml, lowercase (e.g. <c>networkpolicy</c>).</summary>
    string Name { get; }

    /// <summary>The versions of the engine this backend supports, with the features each needs.</summary>
    EngineFeatureTable Features { get; }

    /// <summary>Emits the objects for <paramref name="context"/>, with a coverage entry for every rule.</summary>
    BackendOutput Compile(BackendContext context);
}
