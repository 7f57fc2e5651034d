using System.Globalization;
using System.Text.Json.Nodes;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// Process events at Tetragon's LSM-side hooks: an exec at <c>security_bprm_check</c> (lsmhook
/// <c>bprm_check_security</c>; argument <c>linux_binprm</c>, the file executed; matchBinaries still sees the
/// parent), a file access at <c>security_file_permission</c> (<c>file_permission</c>; the file's path and the
/// access mask, MAY_READ 4 and MAY_WRITE 2, checked once per kind of access the open allows), a capability at
/// <c>security_capable</c> (<c>capable</c>; argument 2, the capability number), a socket at
/// <c>security_socket_create</c> (<c>socket_create</c>; family, type, protocol, kern), a system call at a kprobe on
/// the call itself (<c>sys_NAME</c>, or a <c>list:NAME</c> of type syscalls).
/// </summary>
public sealed partial class TetragonEvaluator
{
    private static readonly Dictionary<string, string> LsmHookNames = new(StringComparer.Ordinal)
    {
        ["bprm_check_security"] = "security_bprm_check",
        ["file_permission"] = "security_file_permission",
        ["capable"] = "security_capable",
        ["socket_create"] = "security_socket_create",
    };

    /// <inheritdoc />
    public Verdict Evaluate(ProcessEvent processEvent, SourceProcess source, IReadOnlyList<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(processEvent);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(objects);

        var selecting = PoliciesSelecting(source, objects);
        if (selecting.Count == 0)
            return Verdict(Outcome.NotCovered, [], $"no TracingPolicy selects the pod in namespace {source.Namespace}");

        // An open for reading and writing is checked once per kind of access it allows.
        var masks = processEvent is FileOpenEvent open
            ? new[] { (FileAccess.Read, 4), (FileAccess.Write, 2) }.Where(m => open.Access.HasFlag(m.Item1)).Select(m => m.Item2).ToList()
            : [0];
        var results = new List<(JsonObject Policy, Outcome Outcome, string Reason)>();
        foreach (var policy in selecting)
        {
            foreach (var mask in masks)
            {
                results.AddRange(EvaluatePolicy(policy, source, call => Fires(Canonical(call), processEvent, policy),
                    (filter, call, args) => ProcessArgMatches(filter, Canonical(call), args, processEvent, mask))
                    .Select(r => (policy, r.Outcome, r.Reason)));
            }
        }

        if (results.Count == 0)
            return Verdict(Outcome.NotCovered, selecting, $"no hook of the selecting policies sees this {Kind(processEvent)}");
        var strongest = results.Min(r => r.Outcome);
        var responsible = results.Where(r => r.Outcome == strongest).ToList();
        return Verdict(strongest, [.. responsible.Select(r => r.Policy).Distinct()],
            string.Join("; ", responsible.Select(r => r.Reason).Distinct()));
    }

    private static string Canonical(string call) => LsmHookNames.GetValueOrDefault(call, call);

    private static bool Fires(string call, ProcessEvent processEvent, JsonObject policy) => (call, processEvent) switch
    {
        ("security_bprm_check", ExecEvent) => true,
        ("security_file_permission", FileOpenEvent) => true,
        ("security_capable", CapabilityEvent) => true,
        ("security_socket_create", SocketEvent) => true,
        (_, SyscallEvent syscall) => SyscallHooked(call, syscall.Syscall, policy),
        _ => false,
    };

    // A system call is hooked by name (sys_ptrace, with the architecture prefix or without) or through a policy
    // list of type syscalls named in the call as list:NAME.
    private static bool SyscallHooked(string call, string syscall, JsonObject policy)
    {
        if (!call.StartsWith("list:", StringComparison.Ordinal))
            return SyscallName(call) == syscall;
        var name = call["list:".Length..];
        var list = policy.Obj("spec").Objects("lists").FirstOrDefault(l => l.Str("name") == name)
            ?? throw new InvalidDataException($"kprobe call '{call}' names no list of the policy");
        if (list.Str("type") != "syscalls")
            throw new NotSupportedException($"list '{name}' of type '{list.Str("type")}' is not evaluated by the testing kit");
        return list.Strings("values").Any(v => SyscallName(v) == syscall);
    }

    private static string SyscallName(string symbol)
    {
        foreach (var prefix in new[] { "__x64_sys_", "__arm64_sys_", "__ia32_sys_", "sys_" })
        {
            if (symbol.StartsWith(prefix, StringComparison.Ordinal))
                return symbol[prefix.Length..];
        }
        return symbol;
    }

    private static string Kind(ProcessEvent processEvent) => processEvent switch
    {
        ExecEvent => "exec",
        FileOpenEvent => "file access",
        CapabilityEvent => "capability use",
        SocketEvent => "socket creation",
        _ => "system call",
    };

    private static bool ProcessArgMatches(JsonObject filter, string call, Dictionary<int, string> args, ProcessEvent processEvent, int mask)
    {
        var index = filter.Int("index") ?? -1;
        if (!args.TryGetValue(index, out var type))
            throw new InvalidDataException($"matchArgs index {index} names no argument of {call}");
        var op = filter.Str("operator") ?? "";
        var values = filter.Strings("values").ToList();

        object value = (call, index, type, processEvent) switch
        {
            ("security_bprm_check", 0, "linux_binprm", ExecEvent exec) => exec.Path,
            ("security_file_permission", 0, "file", FileOpenEvent open) => open.Path,
            ("security_file_permission", 1, "int", FileOpenEvent) => mask,
            ("security_capable", 2, "int", CapabilityEvent use) => (int)use.Capability,
            ("security_socket_create", 0, "int", SocketEvent socket) => socket.FamilyName == "AF_INET6" ? 10 : 2,
            ("security_socket_create", 1, "int", SocketEvent socket) => socket.SocketType switch
            {
                "SOCK_STREAM" => 1,
                "SOCK_DGRAM" => 2,
                _ => 3,
            },
            ("security_socket_create", 2, "int", SocketEvent socket) => socket.ProtocolNumber,
            // kern: a simulated socket is always one a program asks for, never one the kernel opens for itself.
            ("security_socket_create", 3, "int", SocketEvent) => 0,
            _ => throw new NotSupportedException($"argument {index} ({type}) of {call} is not evaluated by the testing kit"),
        };

        return value switch
        {
            string path => StringArgMatches(op, values, path),
            int number => IntArgMatches(op, values, number),
            _ => false,
        };
    }

    private static bool StringArgMatches(string op, List<string> values, string actual) => op switch
    {
        "Equal" => values.Contains(actual, StringComparer.Ordinal),
        "NotEqual" => !values.Contains(actual, StringComparer.Ordinal),
        "Prefix" => values.Any(v => actual.StartsWith(v, StringComparison.Ordinal)),
        "NotPrefix" => !values.Any(v => actual.StartsWith(v, StringComparison.Ordinal)),
        "Postfix" => values.Any(v => actual.EndsWith(v, StringComparison.Ordinal)),
        "NotPostfix" => !values.Any(v => actual.EndsWith(v, StringComparison.Ordinal)),
        _ => throw new NotSupportedException($"matchArgs operator '{op}' on a path is not evaluated by the testing kit"),
    };

    private static bool IntArgMatches(string op, List<string> values, int actual)
    {
        var numbers = values.Select(v => long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToList();
        if (op is "Equal" or "NotEqual" && numbers.Count > 4)
            throw new InvalidDataException($"{op} takes at most 4 integers; Tetragon rejects the policy (use InMap)");
        return op switch
        {
            "Equal" => numbers.Contains(actual),
            "NotEqual" => !numbers.Contains(actual),
            "Mask" => numbers.Any(n => (n & actual) != 0),
            "GT" => numbers.Any(n => actual > n),
            "LT" => numbers.Any(n => actual < n),
            _ => throw new NotSupportedException($"matchArgs operator '{op}' on an integer is not evaluated by the testing kit"),
        };
    }
}
