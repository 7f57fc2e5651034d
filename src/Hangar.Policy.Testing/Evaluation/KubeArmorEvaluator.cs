using System.Text.Json.Nodes;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// KubeArmor <c>security.kubearmor.com/v1</c> KubeArmorPolicy semantics for process events: the policies of the
/// pod's namespace whose selector matches its labels; the section of the event's resource type (process, file,
/// capabilities, network, syscalls); entries matched by path (<c>matchPaths</c>), directory (<c>matchDirectories</c>,
/// recursive or direct children only), capability or protocol, and by the acting executable (<c>fromSource</c>);
/// the action of the entry, else of the policy, else Block.
/// </summary>
/// <remarks>
/// A Block entry wins over everything; an Audit entry reports. <c>readOnly</c> lets reads through a Block entry
/// and only reads through an Allow entry. One Allow entry puts its resource type in allowlist mode for the whole
/// container: what no Allow entry lists follows the default posture (processes follow the file posture). System
/// call rules only ever report. KubeArmor matches no destination address, so a connect is not covered. Constructs
/// the emitter never writes (<c>matchPatterns</c>, <c>ownerOnly</c>) raise <see cref="NotSupportedException"/>.
/// </remarks>
/// <param name="filePosture">The default file posture (also used for processes); KubeArmor's default is audit.</param>
/// <param name="networkPosture">The default network posture.</param>
/// <param name="capabilitiesPosture">The default capabilities posture.</param>
public sealed class KubeArmorEvaluator(
    KubeArmorDefaultPosture filePosture = KubeArmorDefaultPosture.Audit,
    KubeArmorDefaultPosture networkPosture = KubeArmorDefaultPosture.Audit,
    KubeArmorDefaultPosture capabilitiesPosture = KubeArmorDefaultPosture.Audit) : IObjectEvaluator
{
    /// <inheritdoc />
    public string Backend => "kubearmor";

    /// <summary>The default file (and process) posture evaluated for.</summary>
    public KubeArmorDefaultPosture FilePosture { get; } = filePosture;

    /// <inheritdoc />
    public Verdict Evaluate(ConnectEvent connect, SourceProcess source, IReadOnlyList<JsonObject> objects) =>
        new(Backend, Outcome.NotCovered, [], [], "KubeArmor matches no destination address or port for pods");

    /// <inheritdoc />
    public Verdict Evaluate(ProcessEvent processEvent, SourceProcess source, IReadOnlyList<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(processEvent);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(objects);

        var (section, posture) = processEvent switch
        {
            ExecEvent => ("process", FilePosture),
            FileOpenEvent => ("file", FilePosture),
            CapabilityEvent => ("capabilities", capabilitiesPosture),
            SocketEvent => ("network", networkPosture),
            SyscallEvent => ("syscalls", KubeArmorDefaultPosture.Audit),
            _ => throw new NotSupportedException($"{processEvent.GetType().Name} is not evaluated for KubeArmor"),
        };

        var selecting = objects.Where(o => o.Str("apiVersion") == "security.kubearmor.com/v1")
            .Where(o => o.Str("kind") == "KubeArmorPolicy" && o.Obj("metadata").Str("namespace") == source.Namespace)
            .Where(o => Selects(o.Obj("spec").Obj("selector"), source))
            .ToList();
        if (selecting.Count == 0)
            return Verdict(Outcome.NotCovered, Array.Empty<JsonObject>(),
                $"no KubeArmorPolicy selects the pod in namespace {source.Namespace}");

        var entries = selecting.SelectMany(p => Entries(p, section)).ToList();
        if (entries.Count == 0)
            return Verdict(Outcome.NotCovered, selecting, $"no selecting policy has {section} rules");

        var matching = entries.Where(e => KubeArmorEntry.Matches(e.Entry, section, processEvent, source)).ToList();
        if (section == "syscalls")
        {
            return matching.Count > 0
                ? Verdict(Outcome.DetectedOnly, matching, "a matchSyscalls rule reports it (syscall rules only audit)")
                : Verdict(Outcome.Allowed, selecting, "no matchSyscalls rule lists it");
        }

        var access = (processEvent as FileOpenEvent)?.Access ?? FileAccess.Read;
        var denying = matching.Where(m => m.Action != "allow" && Denies(m.Entry, section, access)).ToList();
        var blocking = denying.Where(m => m.Action == "block").ToList();
        if (blocking.Count > 0)
            return Verdict(Outcome.Blocked, blocking, $"{Describe(blocking[0])} blocks it");

        var allowEntries = entries.Where(e => e.Action == "allow").ToList();
        if (allowEntries.Count > 0 && !AllowedBy(matching.Where(m => m.Action == "allow"), section, access))
        {
            var why = $"{section} is in allowlist mode and no Allow entry lists it, so the default {section} posture decides";
            return posture == KubeArmorDefaultPosture.Block
                ? Verdict(Outcome.Blocked, allowEntries, why + " (block)")
                : Verdict(Outcome.DetectedOnly, allowEntries, why + " (audit: reported, not blocked)");
        }

        if (denying.Count > 0)
            return Verdict(Outcome.DetectedOnly, denying, $"{Describe(denying[0])} audits it");
        return allowEntries.Count > 0
            ? Verdict(Outcome.Allowed, allowEntries, "an Allow entry lists it")
            : Verdict(Outcome.Allowed, selecting, $"no {section} rule matches it");
    }

    private static bool Selects(JsonObject? selector, SourceProcess source)
    {
        foreach (var (key, value) in selector.Obj("matchLabels") ?? [])
        {
            if (!source.PodLabels.TryGetValue(key, out var actual) || actual != Tree.Text(value))
                return false;
        }
        foreach (var expression in selector.Objects("matchExpressions"))
        {
            if (expression.Str("key") != "label")
                throw new NotSupportedException(
                    $"KubeArmorPolicy selector key '{expression.Str("key")}' is not evaluated by the testing kit");
            var present = expression.Strings("values").Any(v => source.PodLabels.Any(l => $"{l.Key}={l.Value}" == v));
            var match = expression.Str("operator") switch
            {
                "In" => present,
                "NotIn" => !present,
                var other => throw new InvalidDataException($"KubeArmor selector operator '{other}' is not In or NotIn"),
            };
            if (!match)
                return false;
        }
        return true;
    }

    private static IEnumerable<(JsonObject Policy, JsonObject Entry, string Action)> Entries(JsonObject policy, string section)
    {
        var spec = policy.Obj("spec");
        var defaultAction = (spec.Str("action") ?? "Block").ToLowerInvariant();
        var part = spec.Obj(section);
        if (part is null)
            yield break;
        foreach (var (key, value) in part)
        {
            if (key is "severity" or "tags" or "message" or "action")
                continue;
            if (key is not ("matchPaths" or "matchDirectories" or "matchCapabilities" or "matchProtocols" or "matchSyscalls"))
                throw new NotSupportedException($"KubeArmor {section}.{key} is not evaluated by the testing kit");
            foreach (var entry in (value as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var action = (entry.Str("action") ?? part.Str("action") ?? defaultAction).ToLowerInvariant();
                if (action is not ("allow" or "audit" or "block"))
                    throw new InvalidDataException($"'{action}' is not a KubeArmor action (Allow, Audit, Block)");
                var tagged = entry.DeepClone().AsObject();
                tagged["kind"] = key;
                yield return (policy, tagged, action);
            }
        }
    }

    // readOnly on a deny entry forbids writes only.
    private static bool Denies(JsonObject entry, string section, FileAccess access) =>
        section != "file" || entry.Str("readOnly") != "true" || access.HasFlag(FileAccess.Write);

    // Each kind of access needs an Allow entry; a readOnly entry allows reads only.
    private static bool AllowedBy(IEnumerable<(JsonObject Policy, JsonObject Entry, string Action)> allows, string section,
        FileAccess access)
    {
        var list = allows.ToList();
        if (section != "file")
            return list.Count > 0;
        var reads = !access.HasFlag(FileAccess.Read) || list.Count > 0;
        var writes = !access.HasFlag(FileAccess.Write) || list.Any(a => a.Entry.Str("readOnly") != "true");
        return reads && writes;
    }

    private static string Describe((JsonObject Policy, JsonObject Entry, string Action) match)
    {
        var what = match.Entry.Str("path") ?? match.Entry.Str("dir") ?? match.Entry.Str("capability") ?? match.Entry.Str("protocol");
        return $"the {match.Action} entry {match.Entry.Str("kind")} '{what}' of {Tree.Describe(match.Policy)}";
    }

    // An entry's tags carry the ids of the rules it comes from; the policy's annotation names them all.
    private Verdict Verdict(Outcome outcome, IEnumerable<(JsonObject Policy, JsonObject Entry, string Action)> matches, string reason)
    {
        var list = matches.ToList();
        var ids = list.SelectMany(m => m.Entry.Strings("tags").Where(t => t.Contains('/')).DefaultIfEmpty()
            .SelectMany(t => t is null ? Tree.RuleIds(m.Policy) : [t]));
        return new(Backend, outcome, [.. ids.Distinct().Order(StringComparer.Ordinal)],
            [.. list.Select(m => Tree.Describe(m.Policy)).Distinct().Order(StringComparer.Ordinal)], reason);
    }

    private Verdict Verdict(Outcome outcome, IEnumerable<JsonObject> objects, string reason)
    {
        var list = objects.Distinct().ToList();
        return new(Backend, outcome, [.. list.SelectMany(Tree.RuleIds).Distinct().Order(StringComparer.Ordinal)],
            [.. list.Select(Tree.Describe).Distinct().Order(StringComparer.Ordinal)], reason);
    }
}
