using Hangar.Policy.Compilation;

namespace Hangar.Policy.Hosting.Backends;

/// <summary>
/// The backends the command line can emit for, by engine name (<c>networkpolicy</c>, <c>tetragon</c>, …).
/// <see cref="Default"/> knows every backend package this one ships with; a project may register its own.
/// </summary>
public sealed class BackendRegistry
{
    private readonly SortedDictionary<string, Func<IPolicyBackend>> _factories = new(StringComparer.Ordinal);

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
        _factories[name.ToLowerInvariant()] = factory;
        return this;
    }

    /// <summary>True when an engine called <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _factories.ContainsKey(name.ToLowerInvariant());

    /// <summary>
    /// The backends for <paramref name="names"/>, in that order. Throws <see cref="UsageException"/> naming every
    /// unknown engine and the known ones; <paramref name="origin"/> says where the names came from.
    /// </summary>
    public IReadOnlyList<IPolicyBackend> Resolve(IReadOnlyList<string> names, string origin)
    {
        var unknown = names.Where(n => !Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            var known = _factories.Count == 0 ? "none is installed" : string.Join(", ", _factories.Keys);
            throw new UsageException(
                $"unknown engine{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(n => $"'{n}'"))} in {origin} " +
                $"({Validation.DiagnosticIds.UnknownEngine}); known engines: {known}");
        }
        return [.. names.Select(n => _factories[n.ToLowerInvariant()]())];
    }
}
