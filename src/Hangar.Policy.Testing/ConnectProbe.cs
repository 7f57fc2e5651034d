using System.Net;
using Hangar.Policy.Model;
using Hangar.Policy.Testing.Events;

namespace Hangar.Policy.Testing;

/// <summary>
/// Describes a connect() to simulate, fluently: <c>Connect().From("acme/fetch").To("169.254.169.254:80")</c>,
/// then asserts on the verdicts (<see cref="ShouldBeBlockedBy"/>, …) or reads them (<see cref="Evaluate"/>).
/// </summary>
public sealed class ConnectProbe
{
    private readonly PolicySimulator _simulator;
    private EventSource? _source;
    private IPAddress? _address;
    private int _port;
    private Protocol _protocol = Protocol.Tcp;
    private string? _hostname;
    private DestinationPod? _pod;

    internal ConnectProbe(PolicySimulator simulator) => _simulator = simulator;

    /// <summary>The source: <c>WORKSPACE/SERVER</c> or <c>WORKSPACE/SERVER/TOOL</c>.</summary>
    public ConnectProbe From(string source)
    {
        var binary = _source?.Binary;
        _source = EventSource.Parse(source) with { Binary = binary };
        return this;
    }

    /// <summary>The executable that connects (default: the tool's first binary, or the server process).</summary>
    public ConnectProbe AsBinary(string binary)
    {
        _source = (_source ?? throw new InvalidOperationException("call From(...) before AsBinary(...)")) with { Binary = binary };
        return this;
    }

    /// <summary>The destination as <c>ADDRESS:PORT</c>; IPv6 in brackets (<c>[::1]:3000</c>).</summary>
    public ConnectProbe To(string endpoint)
    {
        (_address, _port) = ConnectEvent.ParseEndpoint(endpoint);
        return this;
    }

    /// <summary>The destination address and port.</summary>
    public ConnectProbe To(IPAddress address, int port)
    {
        _address = address ?? throw new ArgumentNullException(nameof(address));
        _port = port;
        return this;
    }

    /// <summary>The DNS name the address was resolved from, for hostname allows.</summary>
    public ConnectProbe ResolvedFrom(string hostname)
    {
        _hostname = hostname;
        return this;
    }

    /// <summary>The in-cluster pod that receives the connection.</summary>
    public ConnectProbe ReachingPod(DestinationPod pod)
    {
        _pod = pod;
        return this;
    }

    /// <summary>Connects over <paramref name="protocol"/> (TCP by default).</summary>
    public ConnectProbe Over(Protocol protocol)
    {
        _protocol = protocol;
        return this;
    }

    /// <summary>Connects over UDP.</summary>
    public ConnectProbe Udp() => Over(Protocol.Udp);

    /// <summary>The event described so far; throws naming what is missing.</summary>
    public ConnectEvent ToEvent() => new(
        _source ?? throw new InvalidOperationException("the probe has no source; call From(\"workspace/server\")"),
        _address ?? throw new InvalidOperationException("the probe has no destination; call To(\"address:port\")"),
        _port, _protocol, _hostname, _pod);

    /// <summary>Simulates the event.</summary>
    public SimulationReport Evaluate() => _simulator.Simulate(ToEvent());

    /// <inheritdoc cref="SimulationReport.ShouldBeBlockedBy"/>
    public SimulationReport ShouldBeBlockedBy(string backend) => Evaluate().ShouldBeBlockedBy(backend);

    /// <inheritdoc cref="SimulationReport.ShouldBeAllowedBy"/>
    public SimulationReport ShouldBeAllowedBy(string backend) => Evaluate().ShouldBeAllowedBy(backend);

    /// <inheritdoc cref="SimulationReport.ShouldBeDetectedBy"/>
    public SimulationReport ShouldBeDetectedBy(string backend) => Evaluate().ShouldBeDetectedBy(backend);

    /// <inheritdoc cref="SimulationReport.ShouldNotBeCoveredBy"/>
    public SimulationReport ShouldNotBeCoveredBy(string backend) => Evaluate().ShouldNotBeCoveredBy(backend);

    /// <inheritdoc cref="SimulationReport.ShouldBeBlocked"/>
    public SimulationReport ShouldBeBlocked() => Evaluate().ShouldBeBlocked();

    /// <inheritdoc cref="SimulationReport.ShouldBeAllowed"/>
    public SimulationReport ShouldBeAllowed() => Evaluate().ShouldBeAllowed();
}
