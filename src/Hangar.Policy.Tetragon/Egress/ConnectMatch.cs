using System.Collections.Immutable;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Tetragon.Egress;

/// <summary>What one connect selector matches: destination ranges (or every destination outside them) and ports.</summary>
/// <param name="Destinations">The ranges, as declared (IPv4-mapped forms are added when rendered).</param>
/// <param name="Outside">True to match destinations outside <paramref name="Destinations"/> (allowlists).</param>
/// <param name="Ports">The protocols and ports.</param>
internal sealed record ConnectMatch(ImmutableArray<IpCidr> Destinations, bool Outside, PortMatch Ports);
