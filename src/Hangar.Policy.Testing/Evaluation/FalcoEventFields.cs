using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Events;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// The Falco fields of one event as libsinsp fills them, for the fields policies use. A field Falco would not
/// fill for the event reads as absent (null); a field the kit does not know throws <see cref="NotSupportedException"/>.
/// </summary>
/// <remarks>
/// A connect is seen on success (<c>evt.rawres</c> 0). An IPv4-mapped destination is seen as IPv4: libsinsp
/// re-types the socket when both ends are <c>::ffff:</c> addresses, as they are for a mapped connect. The remote
/// end of a connect is the server end (<c>fd.sip</c>, <c>fd.sport</c>). <c>fd.l4proto</c> knows tcp, udp, icmp and
/// raw only, so an SCTP connection reads as <c>unknown</c>. A capability use is seen when the process starting with
/// it in its effective set is executed (Falco sees capabilities held, not each use).
/// </remarks>
internal sealed class FalcoEventFields
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly SourceProcess _source;

    public FalcoEventFields(PolicyEvent observed, SourceProcess source)
    {
        _source = source;
        _values["proc.exepath"] = source.Binary;
        _values["proc.name"] = Comm(source.Binary);
        _values["k8s.ns.name"] = source.Namespace;
        _values["evt.dir"] = "<";
        _values["evt.rawres"] = "0";
        _values["evt.res"] = "SUCCESS";
        _values["thread.cap_effective"] = "";
        switch (observed)
        {
            case ConnectEvent connect:
                Connect(connect);
                break;
            case ExecEvent exec:
                Exec(exec.Path, source.Binary, "");
                break;
            case CapabilityEvent use:
                Exec(source.Binary, null, $"CAP_{LinuxCapabilities.Name(use.Capability)}");
                break;
            case FileOpenEvent open:
                _values["evt.type"] = "openat";
                _values["fd.typechar"] = "f";
                _values["fd.name"] = open.Path;
                _values["evt.is_open_read"] = open.Access.HasFlag(FileAccess.Read) ? "true" : "false";
                _values["evt.is_open_write"] = open.Access.HasFlag(FileAccess.Write) ? "true" : "false";
                break;
            case SocketEvent socket:
                _values["evt.type"] = "socket";
                _values["evt.arg.domain"] = socket.FamilyName;
                _values["evt.arg.type"] = socket.SocketType;
                _values["evt.arg.proto"] = socket.ProtocolNumber.ToString(CultureInfo.InvariantCulture);
                break;
            case SyscallEvent call:
                _values["evt.type"] = call.Syscall;
                break;
            default:
                throw new NotSupportedException($"{observed.GetType().Name} is not evaluated for Falco");
        }
    }

    /// <summary>The remote address of a connect, as Falco types it, or null for other events.</summary>
    public IPAddress? ServerAddress { get; private set; }

    /// <summary>The value of <paramref name="field"/>, or null when Falco does not fill it for this event.</summary>
    public string? this[string field]
    {
        get
        {
            if (_values.TryGetValue(field, out var value))
                return value;
            if (field.StartsWith("k8s.pod.label[", StringComparison.Ordinal) && field.EndsWith(']'))
                return _source.PodLabels.GetValueOrDefault(field["k8s.pod.label[".Length..^1]);
            if (field is "fd.sip" or "fd.snet" or "fd.sport" or "fd.l4proto" or "fd.sip.name" or "fd.name" or "fd.typechar"
                or "evt.is_open_read" or "evt.is_open_write" or "evt.arg.domain" or "evt.arg.type" or "evt.arg.proto" or "proc.pexepath"
                or "fd.connected" or "fd.name_changed")
                return null;
            throw new NotSupportedException($"the Falco field '{field}' is not evaluated by the testing kit");
        }
    }

    private void Connect(ConnectEvent connect)
    {
        var address = connect.WireAddress;
        ServerAddress = address;
        _values["evt.type"] = "connect";
        _values["fd.typechar"] = address.AddressFamily == AddressFamily.InterNetwork ? "4" : "6";
        _values["fd.sip"] = address.ToString();
        _values["fd.snet"] = address.ToString();
        _values["fd.sport"] = connect.Port.ToString(CultureInfo.InvariantCulture);
        _values["fd.l4proto"] = connect.Protocol switch { Protocol.Tcp => "tcp", Protocol.Udp => "udp", _ => "unknown" };
        _values["fd.sip.name"] = connect.Hostname;
        _values["fd.connected"] = "true";
        var server = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        _values["fd.name"] = $"->{server}:{connect.Port}";
    }

    private void Exec(string path, string? parent, string capabilities)
    {
        _values["evt.type"] = "execve";
        _values["proc.exepath"] = path;
        _values["proc.name"] = Comm(path);
        _values["proc.pexepath"] = parent;
        _values["thread.cap_effective"] = capabilities;
    }

    // proc.name is the kernel's comm: the file name, cut to 15 characters.
    private static string Comm(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length > 15 ? name[..15] : name;
    }
}
