using System.Collections.Immutable;
using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Tetragon.Spec;

namespace Hangar.Policy.Tetragon.Process;

/// <summary>
/// <c>DenySocketProtocol</c> at the LSM hook <c>security_socket_create(family, type, protocol, kern)</c>, which
/// sees every socket() and socketpair() with the type flags (SOCK_NONBLOCK, SOCK_CLOEXEC) already masked off.
/// Creating a listed kind of socket fails with EPERM (Override through fmod_ret); audit rules only Post.
/// </summary>
internal sealed class SocketProtocolFamily : IHookFamily
{
    /// <summary>The family's name in policy names.</summary>
    public const string Name = "sockets";

    private const string Call = "security_socket_create";

    private static readonly HookCall SocketCreate =
        new(Call, [(0, "int"), (1, "int"), (2, "int"), (3, "int")], OverrideNeedsSingleKprobes: true);

    /// <inheritdoc />
    public void Plan(ServerPlan plan)
    {
        foreach (var scope in ProcessScope.For(plan))
        {
            if (scope.Rule.Rule is not DenySocketProtocolRule rule)
                continue;

            var action = scope.Rule.Mode == RuleMode.Audit ? MatchAction.Post : MatchAction.OverrideEperm;
            foreach (var args in rule.Protocols.SelectMany(SocketMatches.For).Distinct(SocketMatches.Comparer))
            {
                plan.Selectors.Add(new PlannedSelector(Name, SocketCreate, scope.Rule.Mode,
                    new HookSelector(args, scope.Binaries, [action]), [scope.Rule]));
            }

            scope.Cover(plan, Call, $"Tetragon makes socket() fail with EPERM for {Describe(rule.Protocols)} at {Call} "
                + "(Override through fmod_ret)");
        }
    }

    private static string Describe(ImmutableArray<SocketProtocol> protocols) =>
        string.Join(", ", protocols.Select(p => p switch
        {
            SocketProtocol.Raw => "raw IP and packet (AF_PACKET) sockets",
            SocketProtocol.Icmp => "ICMP sockets (datagram and raw)",
            SocketProtocol.IcmpV6 => "ICMPv6 sockets (datagram and raw)",
            SocketProtocol.Tcp => "TCP sockets (MPTCP too)",
            _ => $"{p.ToString().ToUpperInvariant()} sockets",
        }));
}
