using System.Collections.Immutable;
using System.Net;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Events;

namespace Hangar.Policy.Testing.Tests;

/// <summary>Short ways to write the events and sources the evaluator tests use.</summary>
internal static class EventFactory
{
    public static readonly SourceProcess AcmeFetch = new("acme",
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["hangar.dev/server"] = "fetch",
            ["hangar.dev/workspace"] = "acme",
        }),
        "/usr/local/bin/mcp-server-fetch");

    public static ConnectEvent Connect(string endpoint, Protocol protocol = Protocol.Tcp, DestinationPod? pod = null)
    {
        var (address, port) = ConnectEvent.ParseEndpoint(endpoint);
        return new ConnectEvent(new EventSource("acme", "fetch"), address, port, protocol, Pod: pod);
    }

    public static SourceProcess WithBinary(this SourceProcess source, string binary) => source with { Binary = binary };

    public static IPAddress Ip(string text) => IPAddress.Parse(text);
}
