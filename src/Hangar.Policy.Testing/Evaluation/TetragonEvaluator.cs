using System.Globalization;
using System.Text.Json.Nodes;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using NuGet.Versioning;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// Cilium Tetragon TracingPolicy semantics for a connect(): which policies select the pod (namespace,
/// podSelector), which hooks fire (security_socket_connect / lsm socket_connect, tcp_connect, ip_output), which
/// selector matches first (matchBinaries and matchArgs AND'd; selectors tried in order), and what its actions do
/// (Override and Sigkill block, Post reports, NoPost is silent; monitor mode never blocks).
/// </summary>
/// <remarks>
/// Address filters follow the engine's per-family lookup at <paramref name="version"/>: since v1.5.0 a family
/// without values makes DAddr false and NotDAddr true, and IPv4-mapped values live in the IPv6 map; before
/// v1.5.0 both operators were false and mapped CIDRs were rejected. A policy the engine would reject is
/// reported as not loaded. Filters this evaluator does not know raise <see cref="NotSupportedException"/>.
/// </remarks>
/// <param name="version">The Tetragon version to evaluate for.</param>
public sealed partial class TetragonEvaluator(NuGetVersion version) : IObjectEvaluator
{
    private static readonly NuGetVersion MissingFamilyFix = new(1, 5, 0);

    /// <summary>The version evaluated for.</summary>
    public NuGetVersion Version { get; } = version;

    /// <inheritdoc />
    public string Backend => "tetragon";

    private static List<JsonObject> PoliciesSelecting(SourceProcess source, IReadOnlyList<JsonObject> objects) =>
        objects.Where(o => o.Str("apiVersion") == "cilium.io/v1alpha1")
            .Where(o => o.Str("kind") is "TracingPolicy" or "TracingPolicyNamespaced")
            .Where(o => Selects(o, source))
            .ToList();

    /// <inheritdoc />
    public Verdict Evaluate(ConnectEvent connect, SourceProcess source, IReadOnlyList<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(objects);

        var selecting = PoliciesSelecting(source, objects);
        if (selecting.Count == 0)
            return Verdict(Outcome.NotCovered, [], $"no TracingPolicy selects the pod in namespace {source.Namespace}");

        var results = new List<(JsonObject Policy, Outcome Outcome, string Reason)>();
        var notLoaded = new List<string>();
        foreach (var policy in selecting)
        {
            try
            {
                results.AddRange(EvaluatePolicy(policy, source, call => TetragonHookView.Fires(call, connect),
                    (filter, call, args) => ArgMatches(filter, call, args, connect)).Select(r => (policy, r.Outcome, r.Reason)));
            }
            catch (InvalidDataException rejected)
            {
                notLoaded.Add($"{Tree.Describe(policy)} is not loaded: {rejected.Message}");
            }
        }

        var suffix = notLoaded.Count == 0 ? "" : "; " + string.Join("; ", notLoaded);
        if (results.Count == 0)
            return Verdict(Outcome.NotCovered, selecting, $"no hook of the selecting policies sees this connect{suffix}");

        var strongest = results.Min(r => r.Outcome);
        var responsible = results.Where(r => r.Outcome == strongest).ToList();
        return Verdict(strongest, [.. responsible.Select(r => r.Policy).Distinct()],
            string.Join("; ", responsible.Select(r => r.Reason).Distinct()) + suffix);
    }

    private static bool Selects(JsonObject policy, SourceProcess source)
    {
        if (policy.Str("kind") == "TracingPolicyNamespaced" && policy.Obj("metadata").Str("namespace") != source.Namespace)
            return false;

        // Tetragon exposes the pod's namespace to podSelector as a pseudo-label.
        var labels = new Dictionary<string, string>(source.PodLabels, StringComparer.Ordinal)
        {
            ["k8s:io.kubernetes.pod.namespace"] = source.Namespace,
        };
        return LabelSelector.Matches(policy.Obj("spec").Obj("podSelector"), labels);
    }

    private static IEnumerable<(Outcome Outcome, string Reason)> EvaluatePolicy(JsonObject policy, SourceProcess source,
        Func<string, bool> fires, Func<JsonObject, string, Dictionary<int, string>, bool> argMatches)
    {
        var spec = policy.Obj("spec");
        var monitor = spec.Objects("options").Any(o => o.Str("name") == "policy-mode" && o.Str("value") == "monitor");
        var hooks = spec.Objects("kprobes").Select(k => (Kind: "kprobe", Call: k.Str("call") ?? "", Hook: k))
            .Concat(spec.Objects("lsmhooks").Select(h => (Kind: "lsmhook", Call: h.Str("hook") ?? "", Hook: h)));

        foreach (var (kind, call, hook) in hooks)
        {
            if (!fires(call))
                continue;
            var outcome = EvaluateHook(kind, call, hook, source, monitor, argMatches);
            if (outcome is not null)
                yield return outcome.Value;
        }
    }

    private static (Outcome Outcome, string Reason)? EvaluateHook(string kind, string call, JsonObject hook, SourceProcess source,
        bool monitor, Func<JsonObject, string, Dictionary<int, string>, bool> argMatches)
    {
        var args = hook.Objects("args").ToDictionary(a => a.Int("index") ?? -1, a => a.Str("type") ?? "");
        var selectors = hook.Objects("selectors").ToList();
        if (selectors.Count == 0)
            return (Outcome.DetectedOnly, $"{kind} {call} has no selector, so it reports every call");

        for (var i = 0; i < selectors.Count; i++)
        {
            if (!SelectorMatches(selectors[i], call, args, source, argMatches))
                continue;
            var place = $"{kind} {call} selector {i}";
            return Act(selectors[i], kind, call, hook, place, monitor);
        }
        return (Outcome.Allowed, $"{kind} {call}: no selector matches");
    }

    private static (Outcome Outcome, string Reason) Act(JsonObject selector, string kind, string call, JsonObject hook,
        string place, bool monitor)
    {
        var actions = selector.Objects("matchActions").ToList();
        var names = actions.Select(a => (a.Str("action") ?? "").ToLowerInvariant()).ToList();
        if (names.Count == 0)
            return (Outcome.DetectedOnly, $"{place} matches and posts an event (no action given)");

        var blocking = actions.FirstOrDefault(a => IsBlocking(a, kind, call, hook));
        if (blocking is not null)
        {
            return monitor
                ? (Outcome.DetectedOnly, $"{place} matches with {blocking.Str("action")}, but the policy is in monitor mode")
                : (Outcome.Blocked, $"{place} matches with {blocking.Str("action")}");
        }
        if (names.All(n => n == "nopost"))
            return (Outcome.Allowed, $"{place} matches with NoPost, so the call goes through unreported");
        return (Outcome.DetectedOnly, $"{place} matches with {string.Join(", ", actions.Select(a => a.Str("action")))}");
    }

    private static bool IsBlocking(JsonObject action, string kind, string call, JsonObject hook)
    {
        switch ((action.Str("action") ?? "").ToLowerInvariant())
        {
            case "sigkill":
                return true;
            case "signal":
                return action.Int("argSig") == 9;
            case "override":
                // The engine accepts Override only where the kernel lets a return value be replaced.
                var overridable = kind == "lsmhook" || call.StartsWith("security_", StringComparison.Ordinal)
                    || string.Equals(hook.Str("syscall"), "true", StringComparison.OrdinalIgnoreCase);
                if (!overridable)
                    throw new InvalidDataException($"Override on {kind} {call} is rejected: only syscalls, security_* and LSM hooks");
                return true;
            default:
                return false;
        }
    }

    private static bool SelectorMatches(JsonObject selector, string call, Dictionary<int, string> args, SourceProcess source,
        Func<JsonObject, string, Dictionary<int, string>, bool> argMatches)
    {
        foreach (var (key, value) in selector)
        {
            if (key is "matchArgs" or "matchBinaries" or "matchActions")
                continue;
            if (value is JsonArray { Count: 0 })
                continue;
            throw new NotSupportedException($"selector filter '{key}' is not evaluated by the testing kit");
        }

        return selector.Objects("matchBinaries").All(b => BinaryMatches(b, source.Binary))
            && selector.Objects("matchArgs").All(a => argMatches(a, call, args));
    }

    private static bool BinaryMatches(JsonObject filter, string binary)
    {
        var values = filter.Strings("values").ToList();
        return filter.Str("operator") switch
        {
            "In" => values.Contains(binary, StringComparer.Ordinal),
            "NotIn" => !values.Contains(binary, StringComparer.Ordinal),
            "Prefix" => values.Any(v => binary.StartsWith(v, StringComparison.Ordinal)),
            "NotPrefix" => !values.Any(v => binary.StartsWith(v, StringComparison.Ordinal)),
            "Postfix" => values.Any(v => binary.EndsWith(v, StringComparison.Ordinal)),
            "NotPostfix" => !values.Any(v => binary.EndsWith(v, StringComparison.Ordinal)),
            var other => throw new InvalidDataException($"matchBinaries operator '{other}' is not one Tetragon accepts"),
        };
    }

    private bool ArgMatches(JsonObject filter, string call, Dictionary<int, string> args, ConnectEvent connect)
    {
        var index = filter.Int("index") ?? -1;
        if (!args.TryGetValue(index, out var type))
            throw new InvalidDataException($"matchArgs index {index} names no argument of {call}");
        var view = TetragonHookView.For(call, type, connect)
            ?? throw new NotSupportedException($"argument type '{type}' of {call} is not evaluated by the testing kit");
        var op = filter.Str("operator") ?? "";
        var values = filter.Strings("values").ToList();

        return op switch
        {
            "DAddr" or "NotDAddr" when view.Type == "sockaddr" =>
                throw new InvalidDataException($"{op} on a sockaddr argument is rejected; the destination is SAddr there"),
            "SAddr" or "NotSAddr" when view.Type == "sockaddr" => AddressMatches(op == "SAddr", values, view),
            "DAddr" or "NotDAddr" when view.Type is "sock" or "skb" => AddressMatches(op == "DAddr", values, view),
            "SPort" or "NotSPort" when view.Type == "sockaddr" => PortMatches(values, view.Port!.Value) == (op == "SPort"),
            "DPort" or "NotDPort" when view.Type is "sock" or "skb" => PortMatches(values, view.Port!.Value) == (op == "DPort"),
            "Family" => values.Select(FamilyNumber).Contains(view.Family),
            "Protocol" when view.Protocol is not null => values.Select(ProtocolNumber).Contains(view.Protocol.Value),
            _ => throw new NotSupportedException(
                $"matchArgs operator '{op}' on a {view.Type} argument is not evaluated by the testing kit"),
        };
    }

    private bool AddressMatches(bool positive, List<string> values, TetragonHookView view)
    {
        var map = new TetragonAddressValues(values, Version);
        var address = view.Address!;
        if (map.HasNoValuesFor(address))
            return !positive && Version >= MissingFamilyFix;
        return map.Contains(address) == positive;
    }

    private static bool PortMatches(List<string> values, int port) => values.Any(v =>
    {
        var colon = v.IndexOf(':');
        if (colon < 0)
            return ParseInt(v) == port;
        return port >= ParseInt(v[..colon]) && port <= ParseInt(v[(colon + 1)..]);
    });

    private static int FamilyNumber(string value) => value switch
    {
        "AF_INET" => TetragonHookView.AfInet,
        "AF_INET6" => TetragonHookView.AfInet6,
        _ => ParseInt(value),
    };

    private static int ProtocolNumber(string value) => value switch
    {
        "IPPROTO_TCP" => 6,
        "IPPROTO_UDP" => 17,
        "IPPROTO_SCTP" => 132,
        "IPPROTO_ICMP" => 1,
        "IPPROTO_ICMPV6" => 58,
        "IPPROTO_RAW" => 255,
        _ => ParseInt(value),
    };

    private static int ParseInt(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new InvalidDataException($"'{value}' is not a number Tetragon accepts here");

    private Verdict Verdict(Outcome outcome, IReadOnlyCollection<JsonObject> objects, string reason) =>
        new(Backend, outcome, [.. objects.SelectMany(Tree.RuleIds).Distinct().Order(StringComparer.Ordinal)],
            [.. objects.Select(Tree.Describe).Distinct().Order(StringComparer.Ordinal)], reason);
}
