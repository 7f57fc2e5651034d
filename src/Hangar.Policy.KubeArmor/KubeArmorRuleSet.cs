using Hangar.Policy.Output;

namespace Hangar.Policy.KubeArmor;

/// <summary>The entries of one KubeArmorPolicy, by section, in the order rules add them.</summary>
internal sealed class KubeArmorRuleSet
{
    private readonly List<ObjectNode> _processPaths = [];
    private readonly List<ObjectNode> _processDirectories = [];
    private readonly List<ObjectNode> _filePaths = [];
    private readonly List<ObjectNode> _fileDirectories = [];
    private readonly List<ObjectNode> _protocols = [];
    private readonly List<ObjectNode> _capabilities = [];
    private readonly List<ObjectNode> _syscalls = [];

    public bool IsEmpty => Count == 0;

    public int Count => _processPaths.Count + _processDirectories.Count + _filePaths.Count + _fileDirectories.Count
        + _protocols.Count + _capabilities.Count + _syscalls.Count;

    public void AddProcess(ObjectNode entry, bool directory) => (directory ? _processDirectories : _processPaths).Add(entry);

    public void AddFile(ObjectNode entry, bool directory) => (directory ? _fileDirectories : _filePaths).Add(entry);

    public void AddProtocol(ObjectNode entry) => _protocols.Add(entry);

    public void AddCapability(ObjectNode entry) => _capabilities.Add(entry);

    public void AddSyscalls(ObjectNode entry) => _syscalls.Add(entry);

    /// <summary>The <c>spec</c>: severity, selector, the non-empty sections, then the policy's default action.</summary>
    public ObjectNode ToSpec(IEnumerable<KeyValuePair<string, string>> podLabels, string action, int severity)
    {
        var labels = new ObjectNode();
        foreach (var (key, value) in podLabels)
            labels[key] = value;

        var spec = new ObjectNode
        {
            ["severity"] = severity,
            ["selector"] = new ObjectNode { ["matchLabels"] = labels },
        };
        AddSection(spec, "process", ("matchPaths", _processPaths), ("matchDirectories", _processDirectories));
        AddSection(spec, "file", ("matchPaths", _filePaths), ("matchDirectories", _fileDirectories));
        AddSection(spec, "network", ("matchProtocols", _protocols));
        AddSection(spec, "capabilities", ("matchCapabilities", _capabilities));
        AddSection(spec, "syscalls", ("matchSyscalls", _syscalls));
        spec["action"] = action;
        return spec;
    }

    private static void AddSection(ObjectNode spec, string name, params (string Key, List<ObjectNode> Entries)[] parts)
    {
        if (parts.All(p => p.Entries.Count == 0))
            return;
        var section = new ObjectNode();
        foreach (var (key, entries) in parts.Where(p => p.Entries.Count > 0))
            section[key] = entries;
        spec[name] = section;
    }
}
