using System.Text.Json.Nodes;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Events;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>Whether one KubeArmor rule entry (a path, directory, capability, protocol or syscall list) matches an event.</summary>
internal static class KubeArmorEntry
{
    public static bool Matches(JsonObject entry, string section, ProcessEvent processEvent, SourceProcess source)
    {
        if (entry.Has("ownerOnly") && entry.Str("ownerOnly") == "true")
            throw new NotSupportedException("KubeArmor ownerOnly is not evaluated by the testing kit (events carry no file owner)");
        if (!FromSourceMatches(entry, source.Binary))
            return false;

        return (section, processEvent) switch
        {
            ("process", ExecEvent exec) => PathMatches(entry, exec.Path),
            ("file", FileOpenEvent open) => PathMatches(entry, open.Path),
            ("capabilities", CapabilityEvent use) => Capability(entry) == LinuxCapabilities.Name(use.Capability).ToLowerInvariant(),
            ("network", SocketEvent socket) => ProtocolMatches(entry.Str("protocol"), socket),
            ("syscalls", SyscallEvent call) => SyscallMatches(entry, call.Syscall),
            _ => false,
        };
    }

    // fromSource names the executable of the acting process, by path or directory; absent, every process.
    private static bool FromSourceMatches(JsonObject entry, string binary)
    {
        var sources = entry.Objects("fromSource").ToList();
        return sources.Count == 0 || sources.Any(s => PathMatches(s, binary));
    }

    private static bool PathMatches(JsonObject entry, string path)
    {
        if (entry.Str("path") is { } exact)
            return exact == path;
        if (entry.Str("dir") is { } dir)
        {
            if (!dir.EndsWith('/'))
                throw new InvalidDataException($"KubeArmor matchDirectories dir '{dir}' must end in '/'");
            if (!path.StartsWith(dir, StringComparison.Ordinal))
                return false;
            // Without recursive only the files directly in the directory match.
            return entry.Str("recursive") == "true" || !path[dir.Length..].Contains('/');
        }
        throw new NotSupportedException($"KubeArmor entry {entry.ToJsonString()} names neither path nor dir");
    }

    private static string Capability(JsonObject entry)
    {
        var name = (entry.Str("capability") ?? "").ToLowerInvariant();
        return name.StartsWith("cap_", StringComparison.Ordinal) ? name[4..] : name;
    }

    private static bool ProtocolMatches(string? protocol, SocketEvent socket) => protocol?.ToLowerInvariant() switch
    {
        "tcp" or "udp" or "icmp" or "icmpv6" or "sctp" or "raw" =>
            protocol.Equals(socket.Protocol.ToString(), StringComparison.OrdinalIgnoreCase),
        "all" => true,
        "stream" => socket.SocketType == "SOCK_STREAM",
        "dgram" => socket.SocketType == "SOCK_DGRAM",
        var other => throw new NotSupportedException($"KubeArmor protocol '{other}' is not evaluated by the testing kit"),
    };

    private static bool SyscallMatches(JsonObject entry, string syscall)
    {
        if (entry.Has("path") || entry.Has("dir"))
            throw new NotSupportedException("KubeArmor matchPaths under syscalls is not evaluated by the testing kit");
        return entry.Strings("syscall").Contains(syscall, StringComparer.Ordinal);
    }
}
