using Hangar.Policy.Model;

namespace Hangar.Policy.NetworkPolicy;

/// <summary>One entry of a NetworkPolicy rule's <c>ports</c>: a protocol, a port, and optionally an end port.</summary>
/// <param name="Protocol">TCP, UDP or SCTP.</param>
/// <param name="Port">The port, or the first port of the range.</param>
/// <param name="EndPort">The last port of the range, or null for one port.</param>
internal sealed record PolicyPort(Protocol Protocol, int Port, int? EndPort = null);
