using Hangar.Policy.Configuration;
using Hangar.Policy.Hosting.Backends;

namespace Hangar.Policy.Hosting;

/// <summary>What every command works with: the policy sources, the options, and the way to compile them.</summary>
public sealed class HostContext
{
    /// <summary>The name of the config file searched for when <c>--config</c> is not given.</summary>
    public const string ConfigFileName = "hangar.yaml";

    /// <summary>Creates the context.</summary>
    public HostContext(IReadOnlyList<PolicySource> sources, HangarHostOptions options)
    {
        Sources = sources;
        Options = options;
    }

    /// <summary>The policy sets to compile.</summary>
    public IReadOnlyList<PolicySource> Sources { get; }

    /// <summary>The host's options.</summary>
    public HangarHostOptions Options { get; }

    /// <summary>Where results go.</summary>
    public TextWriter Out => Options.Out;

    /// <summary>Where errors and warnings go.</summary>
    public TextWriter Error => Options.Error;

    /// <summary><paramref name="path"/> made absolute against the working directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, Options.WorkingDirectory);

    /// <summary>A path for messages: relative to the working directory when it lies below it.</summary>
    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Options.WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    /// <summary>
    /// Reads the config (<paramref name="configPath"/>, else <c>hangar.yaml</c> in the working directory, else in
    /// the application directory, else none), picks the engines (<paramref name="engines"/>, else the config's
    /// <c>policy_engines</c>, else <c>networkpolicy</c>), builds every policy set and compiles it.
    /// Throws <see cref="UsageException"/> for an unreadable config or an unknown engine.
    /// </summary>
    public HostCompilation Compile(IReadOnlyList<string>? engines, string? configPath)
    {
        var (config, foundAt) = LoadConfig(configPath);

        var (names, origin) = engines is { Count: > 0 } ? (engines, "--engines")
            : config.Engines.Length > 0 ? ((IReadOnlyList<string>)config.Engines, $"policy_engines of {DisplayPath(foundAt!)}")
            : ([KnownBackends.DefaultEngine], "the default engine");
        if (Sources.Count == 0)
            throw new UsageException("the project declares no policy: mark a static method returning PolicySet with " +
                "[HangarPolicy], or pass it to HangarHost.Run(args, () => ...). If a method is already marked, the " +
                "policy catalog generator did not run: the Hangar.Policy package's analyzers are not referenced. " +
                "Fix: " +
                "reference the Hangar.Policy.Hosting package (it brings them), or, with project references, import " +
                "src/Hangar.Policy/build/Hangar.Policy.props and reference analyzers/Hangar.Policy.Analyzers with " +
                "OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" (see docs/getting-started.md)");
        var backends = Options.Backends.Resolve([.. names.Select(n => n.ToLowerInvariant()).Distinct()], origin, config.EngineOptions);

        return HostCompilation.Run(Sources, backends, config, foundAt is null ? null : DisplayPath(foundAt));
    }

    private (HangarConfig Config, string? Path) LoadConfig(string? configPath)
    {
        string? path;
        if (configPath is not null)
        {
            path = ResolvePath(configPath);
            if (!File.Exists(path))
                throw new UsageException($"--config '{configPath}': no such file ({path}); give the path of a hangar.yaml");
        }
        else
        {
            path = new[] { Options.WorkingDirectory, Options.ApplicationDirectory }
                .Where(d => d is not null)
                .Select(d => Path.Combine(d!, ConfigFileName))
                .FirstOrDefault(File.Exists);
            if (path is null)
                return (new HangarConfig(), null);
        }

        try
        {
            return (HangarConfig.Parse(File.ReadAllText(path), DisplayPath(path), Options.Backends.Names), path);
        }
        catch (HangarConfigException e)
        {
            throw new UsageException(e.Message);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read config '{DisplayPath(path)}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot read config '{DisplayPath(path)}': {e.Message}");
        }
    }
}
