using System.Net;
using System.Net.Sockets;
using Hangar.Policy.Model;
using Hangar.Policy.Output;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// Evaluates emitted security_socket_connect policies against a connection the way Tetragon documents it:
/// matchArgs AND-ed, values OR-ed, selectors OR-ed; addresses looked up in the map of the socket's family, with
/// IPv4-mapped values in the IPv6 map from v1.5.0 on, and a Not-operator false for an unlisted family before
/// v1.5.0. It reads the objects only, never the policy, so it checks what a cluster would do.
/// </summary>
internal sealed class TetragonSimulator(IEnumerable<EmittedObject> objects, bool mappedValuesInV6Map = true)
{
    private readonly List<ObjectNode> _policies = [.. objects.Select(o => o.Body)];

    /// <summary>True when some policy blocks the connection (Override or Sigkill on a matching selector).</summary>
    public bool Blocks(Connection connection) => Actions(connection).Any(a => a is "Override" or "Sigkill");

    /// <summary>True when some policy posts an event for the connection without blocking it.</summary>
    public bool Reports(Connection connection) => Actions(connection).Any(a => a == "Post");

    private IEnumerable<string> Actions(Connection connection)
    {
        foreach (var policy in _policies)
        {
            var spec = policy.Node("spec")!;
            var monitor = ((List<ObjectNode>?)spec["options"] ?? [])
                .Any(o => (string)o["name"]! == "policy-mode" && (string)o["value"]! == "monitor");
            foreach (var kprobe in (List<ObjectNode>)spec["kprobes"]!)
            {
                if ((string)kprobe["call"]! != "security_socket_connect")
                    throw new NotSupportedException($"the simulator knows security_socket_connect only, not {kprobe["call"]}");
                foreach (var selector in (List<ObjectNode>)kprobe["selectors"]!)
                {
                    if (!Matches(selector, connection))
                        continue;
                    foreach (var action in (List<ObjectNode>)selector["matchActions"]!)
                        yield return monitor && (string)action["action"]! != "Post" ? "Post" : (string)action["action"]!;
                }
            }
        }
    }

    private bool Matches(ObjectNode selector, Connection connection)
    {
        foreach (var arg in (List<ObjectNode>?)selector["matchArgs"] ?? [])
        {
            if (!ArgMatches((string)arg["operator"]!, (List<string>)arg["values"]!, connection))
                return false;
        }
        foreach (var binaries in (List<ObjectNode>?)selector["matchBinaries"] ?? [])
        {
            var listed = ((List<string>)binaries["values"]!).Contains(connection.Binary);
            if ((string)binaries["operator"]! == "In" ? !listed : listed)
                return false;
        }
        return true;
    }

    private bool ArgMatches(string op, List<string> values, Connection connection) => op switch
    {
        "Family" => values.Contains(connection.Family == AddressFamily.InterNetwork ? "AF_INET" : "AF_INET6"),
        "Protocol" => values.Contains($"IPPROTO_{connection.Protocol.ToString().ToUpperInvariant()}"),
        "SAddr" => InFamilyMap(values, connection) == true,
        "NotSAddr" => InFamilyMap(values, connection) is { } found ? !found : mappedValuesInV6Map,
        "SPort" => values.Any(v => PortIn(v, connection.Port)),
        "NotSPort" => !values.Any(v => PortIn(v, connection.Port)),
        _ => throw new NotSupportedException($"the simulator does not know operator {op}"),
    };

    // Null when the map of the socket's family is empty.
    private bool? InFamilyMap(List<string> values, Connection connection)
    {
        var v6Socket = connection.Family == AddressFamily.InterNetworkV6;
        var map = values.Select(Parse).Where(c => InV6Map(c.Network) == v6Socket).ToList();
        if (map.Count == 0)
            return null;
        var address = (v6Socket ? connection.Address : connection.Address.MapToIPv4()).GetAddressBytes();
        return map.Any(c => c.Network.GetAddressBytes() is var network && network.Length == address.Length
            && Enumerable.Range(0, c.Prefix).All(bit => Bit(network, bit) == Bit(address, bit)));
    }

    private static int Bit(byte[] bytes, int bit) => bytes[bit / 8] & (0x80 >> (bit % 8));

    // Before v1.5.0 IPv4-mapped values went to the IPv4 map, where no IPv6 socket looks them up.
    private bool InV6Map(IPAddress network) =>
        network.AddressFamily == AddressFamily.InterNetworkV6 && (mappedValuesInV6Map || !network.IsIPv4MappedToIPv6);

    private static (IPAddress Network, int Prefix) Parse(string value)
    {
        var parts = value.Split('/');
        var address = IPAddress.Parse(parts[0]);
        return (address, parts.Length > 1 ? int.Parse(parts[1]) : address.GetAddressBytes().Length * 8);
    }

    private static bool PortIn(string value, int port)
    {
        var parts = value.Split(':');
        return parts.Length == 1 ? int.Parse(parts[0]) == port : port >= int.Parse(parts[0]) && port <= int.Parse(parts[1]);
    }
}
