using System.Collections.Immutable;
using Hangar.Policy.Compilation;
using Hangar.Policy.Networking;
using NuGet.Versioning;
using YamlDotNet.RepresentationModel;

namespace Hangar.Policy.Configuration;

/// <summary>
/// The contents of a <c>hangar.yaml</c>: which engines to emit for, their target versions and options, and the
/// cluster facts.
/// </summary>
/// <example>
/// <code>
/// policy_engines: [networkpolicy, tetragon]
/// engine_versions: { tetragon: 1.5.0 }
/// engine_options:
///   kubearmor: { posture: { file: block } }
/// cluster:
///   pod_cidrs: [10.244.0.0/16]
///   service_cidrs: [10.96.0.0/12]
///   kubernetes_api: [10.96.0.1/32]
///   dns: { namespace: kube-system, pod_labels: { k8s-app: kube-dns }, service_ip: 10.96.0.10 }
///   node_local_dns: 169.254.20.10
///   cloud_providers: [aws]
///   corporate_ranges: [10.0.0.0/8]
/// </code>
/// </example>
public sealed record HangarConfig
{
    /// <summary>The engine names, in order. Default: empty (the caller's default applies).</summary>
    public ImmutableArray<string> Engines { get; init; } = [];

    /// <summary>Target engine versions by engine name. Default: empty.</summary>
    public ImmutableDictionary<string, NuGetVersion> EngineVersions { get; init; } =
        ImmutableDictionary<string, NuGetVersion>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Each engine's options by engine name (<c>engine_options</c>), unread here: the engine's backend reads and
    /// validates its section. Default: empty.
    /// </summary>
    public ImmutableDictionary<string, EngineOptionsSection> EngineOptions { get; init; } =
        ImmutableDictionary<string, EngineOptionsSection>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cluster facts. Default: <see cref="ClusterFacts.None"/>.</summary>
    public ClusterFacts Cluster { get; init; } = ClusterFacts.None;

    /// <summary>Reads <paramref name="path"/>; throws <see cref="HangarConfigException"/> naming the key, the value and the fix.</summary>
    public static HangarConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new HangarConfigException(path, "(file)", $"'{Path.GetFullPath(path)}' does not exist", "check the --config path");
        var bytes = new FileInfo(path).Length;
        if (bytes > ConfigDocumentLimits.MaxCharacters * 4L)
            throw new HangarConfigException(path, "(file)", $"the file is {bytes} bytes long, too long for a hangar.yaml",
                "check the --config path; a hangar.yaml holds the engines, their versions and options, and the cluster facts");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Parses hangar.yaml text like <see cref="Parse(string, string)"/>, and also rejects an
    /// <c>engine_versions</c> key that is none of <paramref name="knownEngines"/> (compared ignoring case), which
    /// would otherwise be ignored: a misspelt engine name would leave its engine at the default version.
    /// </summary>
    public static HangarConfig Parse(string yaml, string source, IReadOnlyCollection<string> knownEngines)
    {
        ArgumentNullException.ThrowIfNull(knownEngines);
        var config = Parse(yaml, source);
        var unknown = config.EngineVersions.Keys
            .Where(k => !knownEngines.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (unknown is not null)
        {
            var known = knownEngines.Count == 0 ? "none is installed"
                : string.Join(", ", knownEngines.Order(StringComparer.Ordinal));
            throw new HangarConfigException(source, $"engine_versions.{unknown}", $"'{unknown}' is not a known engine",
                $"name one of the known engines ({known}), or remove the key");
        }
        return config;
    }

    /// <summary>Parses hangar.yaml text; <paramref name="source"/> names it in errors.</summary>
    public static HangarConfig Parse(string yaml, string source = "hangar.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            ConfigDocumentLimits.Check(yaml, source);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new HangarConfigException(source, $"line {e.Start.Line}", e.Message, "fix the YAML syntax");
        }

        if (stream.Documents.Count == 0)
            return new HangarConfig();
        if (stream.Documents.Count > 1)
            throw new HangarConfigException(source, "(file)",
                $"the file holds {stream.Documents.Count} YAML documents and only one would be read",
                "keep one document: remove the extra '---' separators");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new HangarConfigException(source, "(root)", "the document is not a mapping",
                "write keys such as policy_engines: and cluster:");

        var reader = new ConfigReader(source);
        var config = new HangarConfig();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = reader.Key(keyNode, "(root)");
            config = key switch
            {
                "policy_engines" => config with { Engines = reader.Engines(value, key) },
                "engine_versions" => config with { EngineVersions = reader.Versions(value, key) },
                "engine_options" => config with { EngineOptions = reader.Options(value, key) },
                "cluster" => config with { Cluster = reader.Cluster(value) },
                _ => throw new HangarConfigException(source, key ?? "", $"unknown key '{key}'",
                    "use policy_engines, engine_versions, engine_options or cluster"),
            };
        }
        return config;
    }

    private sealed class ConfigReader(string source)
    {
        // Engine names ignore case, so "tetragon" and "Tetragon" are one engine: listing both would let the later
        // one win silently.
        public ImmutableArray<string> Engines(YamlNode node, string key)
        {
            var engines = new List<string>();
            foreach (var name in Strings(node, key))
            {
                var lowered = name.ToLowerInvariant();
                if (engines.Contains(lowered, StringComparer.Ordinal))
                    throw new HangarConfigException(source, key,
                        $"the engine '{lowered}' is listed twice ('{name}' repeats it; names ignore case)",
                        "list each engine once");
                engines.Add(lowered);
            }

            // An empty list would silently fall back to the caller's default engines.
            if (engines.Count == 0)
                throw new HangarConfigException(source, key, "the list names no engine",
                    $"name the engines to emit for, e.g. {key}: [networkpolicy, tetragon], or remove the key to use the default");
            return [.. engines];
        }

        public string Key(YamlNode node, string parent) =>
            node is YamlScalarNode { Value: { } value } ? value
                : throw new HangarConfigException(source, parent, "a key is not a plain string",
                    "write keys as plain words, e.g. pod_cidrs:");

        public IEnumerable<string> Strings(YamlNode node, string key) => node switch
        {
            _ when IsNull(node) => throw Null(key, $"write {key}: [a, b]"),
            YamlSequenceNode seq => seq.Children.Select(c => Scalar(c, key)).Select(v => v.Length > 0 ? v
                : throw new HangarConfigException(source, key, "an item is empty", $"remove the empty item, or write {key}: [a, b]")),
            YamlScalarNode s when !string.IsNullOrEmpty(s.Value) =>
                s.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            _ => throw new HangarConfigException(source, key, "expected a list of strings", $"write {key}: [a, b]"),
        };

        public ImmutableDictionary<string, NuGetVersion> Versions(YamlNode node, string key)
        {
            var map = Mapping(node, key);
            var builder = ImmutableDictionary.CreateBuilder<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in map.Children)
            {
                var name = Key(k, key);
                if (builder.ContainsKey(name))
                    throw Twice(key, name, map);
                var text = Scalar(v, $"{key}.{name}");
                if (!NuGetVersion.TryParse(text, out var version))
                    throw new HangarConfigException(source, $"{key}.{name}", $"'{text}' is not a version", "write a version such as 1.5.0");
                builder[name.ToLowerInvariant()] = version;
            }
            return builder.ToImmutable();
        }

        public ImmutableDictionary<string, EngineOptionsSection> Options(YamlNode node, string key)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, EngineOptionsSection>(StringComparer.OrdinalIgnoreCase);
            var map = Mapping(node, key);
            foreach (var (k, v) in map.Children)
            {
                var name = Key(k, key).ToLowerInvariant();
                if (builder.ContainsKey(name))
                    throw Twice(key, name, map);
                builder[name] = new EngineOptionsSection(source, $"{key}.{name}", Mapping(v, $"{key}.{name}"));
            }
            return builder.ToImmutable();
        }

        public ClusterFacts Cluster(YamlNode node)
        {
            var facts = ClusterFacts.None;
            foreach (var (k, v) in Mapping(node, "cluster").Children)
            {
                var key = "cluster." + Key(k, "cluster");
                facts = key switch
                {
                    "cluster.pod_cidrs" => facts with { PodCidrs = Cidrs(v, key) },
                    "cluster.service_cidrs" => facts with { ServiceCidrs = Cidrs(v, key) },
                    "cluster.kubernetes_api" => facts with { KubernetesApi = Cidrs(v, key) },
                    "cluster.corporate_ranges" => facts with { CorporateRanges = Cidrs(v, key) },
                    "cluster.node_local_dns" => facts with { NodeLocalDns = Cidr(Scalar(v, key), key) },
                    "cluster.cloud_providers" => facts with { CloudProviders = [.. Strings(v, key)] },
                    "cluster.dns" => facts with { Dns = Dns(v, key) },
                    _ => throw new HangarConfigException(source, key, $"unknown key '{key}'",
                        "use pod_cidrs, service_cidrs, kubernetes_api, dns, node_local_dns, cloud_providers or corporate_ranges"),
                };
            }
            return facts;
        }

        private DnsService Dns(YamlNode node, string key)
        {
            var map = Mapping(node, key);
            string? ns = null;
            IpCidr? address = null;
            var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in map.Children)
            {
                var name = Key(k, key);
                switch (name)
                {
                    case "namespace":
                        ns = Scalar(v, $"{key}.namespace");
                        break;
                    case "service_ip":
                        address = Cidr(Scalar(v, $"{key}.service_ip"), $"{key}.service_ip");
                        break;
                    case "pod_labels":
                        foreach (var (lk, lv) in Mapping(v, $"{key}.pod_labels").Children)
                            labels[Scalar(lk, $"{key}.pod_labels")] = Scalar(lv, $"{key}.pod_labels");
                        break;
                    default:
                        throw new HangarConfigException(source, $"{key}.{name}", $"unknown key '{name}'",
                            "use namespace, pod_labels or service_ip");
                }
            }
            if (ns is null || labels.Count == 0)
                throw new HangarConfigException(source, key, "dns needs a namespace and pod_labels",
                    "write dns: { namespace: kube-system, pod_labels: { k8s-app: kube-dns } }");
            return new DnsService(ns, labels.ToImmutable(), address);
        }

        private ImmutableArray<IpCidr> Cidrs(YamlNode node, string key) => [.. Strings(node, key).Select(c => Cidr(c, key))];

        private IpCidr Cidr(string text, string key) =>
            IpCidr.TryParse(text, out var cidr, out var problem) ? cidr
                : throw new HangarConfigException(source, key, problem, "write canonical CIDRs such as 10.96.0.0/12");

        private YamlMappingNode Mapping(YamlNode node, string key) =>
            node as YamlMappingNode ?? throw (IsNull(node) ? Null(key, $"write {key}: followed by indented keys")
                : new HangarConfigException(source, key, "expected a mapping", $"write {key}: followed by indented keys"));

        private string Scalar(YamlNode node, string key) =>
            IsNull(node) ? throw Null(key, "write a plain string")
            : node is YamlScalarNode { Value: { } value } ? value
            : throw new HangarConfigException(source, key, "expected a single value", "write a plain string");

        // YAML reads '~', 'null' and nothing at all as null, which is never a value hangar.yaml means.
        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

        private HangarConfigException Null(string key, string example) =>
            new(source, key, "the value is empty (null: '~', 'null' or nothing after the colon)",
                $"{example}, or remove the key to use the default");

        private HangarConfigException Twice(string key, string name, YamlMappingNode map)
        {
            var spellings = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "")
                .Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).Select(k => $"'{k}'");
            return new HangarConfigException(source, $"{key}.{name.ToLowerInvariant()}",
                $"the engine is listed twice ({string.Join(" and ", spellings)}); engine names ignore case, so one would silently win",
                "keep one entry per engine");
        }
    }
}
