using Hangar.Policy.Compilation;
using Hangar.Policy.Configuration;

namespace Hangar.Policy.Hosting.Backends;

/// <summary>
/// The backends the command line can emit for, by engine name (<c>networkpolicy</c>, <c>tetragon</c>, …).
/// <see cref="Default"/> knows every backend package this one ships with; a project may register its own.
/// </summary>
public sealed class BackendRegistry
{
    private readonly SortedDictionary<string, Func<EngineOptionsSection?, IPolicyBackend>> _factories = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takesOptions = new(StringComparer.Ordinal);

    /// <summary>A registry of the backends shipped with Hangar.Policy.Hosting.</summary>
    public static BackendRegistry Default => KnownBackends.Create();

    /// <summary>The registered engine names, sorted.</summary>
    public IReadOnlyCollection<string> Names => _factories.Keys;

    /// <summary>
    /// Registers (or replaces) the backend for <paramref name="name"/>; <paramref name="factory"/> runs once per
    /// command, so a backend never carries state from one compilation to the next.
    /// </summary>
    public BackendRegistry Register(string name, Func<IPolicyBackend> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[name.ToLowerInvariant()] = _ => factory();
        _takesOptions.Remove(name.ToLowerInvariant());
        return this;
    }

    /// <summary>
    /// Registers (or replaces) a backend that reads options: <paramref name="factory"/> gets the engine's
    /// <c>engine_options</c> section of hangar.yaml (null when there is none), validates it, throwing
    /// <see cref="HangarConfigException"/> for a bad key or value, and builds the backend.
    /// </summary>
    public BackendRegistry Register(string name, Func<EngineOptionsSection?, IPolicyBackend> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[name.ToLowerInvariant()] = factory;
        _takesOptions.Add(name.ToLowerInvariant());
        return this;
    }

    /// <summary>True when an engine called <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _factories.ContainsKey(name.ToLowerInvariant());

    /// <summary>
    /// The backends for <paramref name="names"/>, in that order. Throws <see cref="UsageException"/> naming every
    /// unknown engine and the known ones; <paramref name="origin"/> says where the names came from.
    /// </summary>
    public IReadOnlyList<IPolicyBackend> Resolve(IReadOnlyList<string> names, string origin,
        IReadOnlyDictionary<string, EngineOptionsSection>? options = null)
    {
        options ??= new Dictionary<string, EngineOptionsSection>();
        CheckOptions(options);

        var unknown = names.Where(n => !Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            var known = _factories.Count == 0 ? "none is installed" : string.Join(", ", _factories.Keys);
            throw new UsageException(
                $"unknown engine{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(n => $"'{n}'"))} in {origin} " +
                $"({Validation.DiagnosticIds.UnknownEngine}); known engines: {known}");
        }
        return [.. names.Select(n => Create(n.ToLowerInvariant(), options.GetValueOrDefault(n.ToLowerInvariant())))];
    }

    // Every engine_options section is checked, also for engines not selected this time, so a typo never waits
    // for the day its engine is selected.
    private void CheckOptions(IReadOnlyDictionary<string, EngineOptionsSection> options)
    {
        foreach (var (name, section) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!_factories.ContainsKey(name))
            {
                throw new UsageException($"{section.Source}: {section.Path}: unknown engine '{name}' "
                    + $"({Validation.DiagnosticIds.UnknownEngine}); known engines: {string.Join(", ", _factories.Keys)}");
            }
            if (!_takesOptions.Contains(name))
            {
                var takers = _takesOptions.Count == 0 ? "none does" : string.Join(", ", _takesOptions.Order(StringComparer.Ordinal));
                throw new UsageException($"{section.Source}: {section.Path}: engine '{name}' takes no options; "
                    + $"remove the section (engines with options: {takers})");
            }
            Create(name, section);
        }
    }

    private IPolicyBackend Create(string name, EngineOptionsSection? section)
    {
        try
        {
            return _factories[name](section);
        }
        catch (HangarConfigException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
