using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Emission;

/// <summary>
/// Packs planned selectors into TracingPolicyNamespaced objects within Tetragon's limits: one hook per policy,
/// at most five selectors per hook and sixteen tags. Enforce and audit selectors never share a policy, so an
/// audit selector can never shadow a blocking one, and an audit policy also runs in monitor mode.
/// </summary>
internal static class PolicyPacker
{
    /// <summary>The most tags Tetragon accepts on one hook.</summary>
    public const int MaxTags = 16;

    /// <summary>The longest message Tetragon accepts on one hook.</summary>
    public const int MaxMessage = 256;

    public const string ApiVersion = "cilium.io/v1alpha1";
    public const string NamespacedKind = "TracingPolicyNamespaced";

    public static IEnumerable<EmittedObject> Pack(ServerPlan plan)
    {
        var groups = Distinct(plan.Selectors).GroupBy(s => (s.Family, s.Hook, s.Mode)).OrderBy(g => g.Key.Family, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Hook.Call, StringComparer.Ordinal).ThenBy(g => g.Key.Mode);
        foreach (var group in groups)
        {
            var chunks = Chunk(group.ToList());
            for (var i = 0; i < chunks.Count; i++)
            {
                var suffix = (group.Key.Mode == RuleMode.Audit ? "-audit" : "") + (chunks.Count > 1 ? $"-{i + 1}" : "");
                yield return Emit(plan, group.Key.Family, group.Key.Hook, group.Key.Mode, chunks[i], suffix);
            }
        }
    }

    // Two planners may ask for the same selector (an allowlist and a deny both keep DNS on port 53): emit it once.
    private static IEnumerable<PlannedSelector> Distinct(IEnumerable<PlannedSelector> selectors) =>
        selectors.GroupBy(s => (s.Family, s.Hook, s.Mode, Body: JsonText.Write(s.Selector.ToNode())))
            .Select(g => g.First() with
            {
                Rules = [.. g.SelectMany(s => s.Rules).DistinctBy(r => r.Id).OrderBy(r => r.Id)],
                Shaping = [.. g.SelectMany(s => s.Shaping.IsDefault ? [] : s.Shaping).DistinctBy(r => r.Id).OrderBy(r => r.Id)],
            });

    private static List<List<PlannedSelector>> Chunk(List<PlannedSelector> selectors)
    {
        var chunks = new List<List<PlannedSelector>>();
        var current = new List<PlannedSelector>();
        foreach (var selector in selectors)
        {
            var tags = current.Concat([selector]).SelectMany(s => s.Rules).Select(r => r.Id).Distinct().Count();
            if (current.Count > 0 && (current.Count == HookCall.MaxSelectors || tags > MaxTags))
            {
                chunks.Add(current);
                current = [];
            }
            current.Add(selector);
        }
        if (current.Count > 0)
            chunks.Add(current);
        return chunks;
    }

    private static EmittedObject Emit(ServerPlan plan, string family, HookCall hook, RuleMode mode, List<PlannedSelector> selectors,
        string suffix)
    {
        var server = plan.Server;
        var name = $"{plan.NameStem}-{family}{suffix}";
        var rules = selectors.SelectMany(s => s.AllRules).DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList();
        var tags = selectors.SelectMany(s => s.Rules).Select(r => r.Id.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        if (tags.Count > MaxTags)
            throw new InvalidOperationException($"{name} would carry {tags.Count} tags; a Tetragon hook takes {MaxTags}");

        var spec = new ObjectNode
        {
            ["podSelector"] = new ObjectNode { ["matchLabels"] = ToNode(server.PodLabels) },
        };
        var options = Options(plan, hook, mode, selectors);
        if (options.Count > 0)
            spec["options"] = options;
        if (hook.ListName is { } list)
        {
            spec["lists"] = new List<ObjectNode>
            {
                new() { ["name"] = list, ["type"] = "syscalls", ["values"] = hook.SyscallList.ToList() },
            };
        }
        spec["kprobes"] = new List<ObjectNode> { hook.ToNode(Message(plan, family, mode), tags, [.. selectors.Select(s => s.Selector)]) };

        var body = new ObjectNode
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = NamespacedKind,
            ["metadata"] = ObjectMetadata.Create(plan.Context, name, server.Namespace, rules,
                [new(HangarLabels.Workspace, server.Workspace), new(HangarLabels.Server, server.Server)]),
            ["spec"] = spec,
        };
        return new EmittedObject(TetragonBackend.EngineName, ApiVersion, NamespacedKind, server.Namespace, name, body);
    }

    private static List<ObjectNode> Options(ServerPlan plan, HookCall hook, RuleMode mode, List<PlannedSelector> selectors)
    {
        var options = new List<ObjectNode>();

        // Override on security_* runs through fmod_ret, which Tetragon attaches only with single kprobes.
        if (hook.OverrideNeedsSingleKprobes && selectors.Any(s => s.Selector.Actions.Any(a => a.Action == "Override")))
            options.Add(new ObjectNode { ["name"] = "disable-kprobe-multi", ["value"] = "1" });

        // Audit selectors only Post; monitor mode also stops any blocking action should one be added later.
        if (mode == RuleMode.Audit && plan.Supports(TetragonFeatures.SockaddrArguments))
            options.Add(new ObjectNode { ["name"] = "policy-mode", ["value"] = "monitor" });
        return options;
    }

    private static string Message(ServerPlan plan, string family, RuleMode mode)
    {
        var verb = mode == RuleMode.Audit ? "reported (audit)" : "blocked";
        var message = $"hangar {plan.Context.Policy.Name}: {family} of {plan.Server.Scope} {verb} by policy; see the tags for the rule ids";
        return message.Length <= MaxMessage ? message : message[..MaxMessage];
    }

    private static ObjectNode ToNode(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var node = new ObjectNode();
        foreach (var (key, value) in labels)
            node[key] = value;
        return node;
    }
}
