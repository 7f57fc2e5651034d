using Hangar.Policy.Model;
using Hangar.Policy.Rules;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Building;

/// <summary>The <c>DenySocketProtocol</c> verb.</summary>
public static class SocketProtocolRules
{
    /// <summary>Forbids opening sockets of <paramref name="protocols"/>, e.g. <c>DenySocketProtocol(SocketProtocol.Raw)</c>.</summary>
    public static TSelf DenySocketProtocol<TSelf>(this TSelf scope, params SocketProtocol[] protocols) where TSelf : ScopeBuilder<TSelf> =>
        scope.DenySocketProtocol(protocols, mode: null);

    /// <summary>Like <see cref="DenySocketProtocol{TSelf}(TSelf, SocketProtocol[])"/>, with an explicit mode.</summary>
    public static TSelf DenySocketProtocol<TSelf>(this TSelf scope, IEnumerable<SocketProtocol> protocols, RuleMode? mode)
        where TSelf : ScopeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(protocols);
        var list = protocols.Distinct().Order().ToList();
        if (list.Count == 0 || list.Any(p => !Enum.IsDefined(p)))
            throw scope.Reject(DiagnosticIds.InvalidDestination, $"DenySocketProtocol({string.Join(", ", list)})",
                list.Count == 0 ? "no protocol was given" : $"'{list.First(p => !Enum.IsDefined(p))}' is not a socket protocol",
                "pass SocketProtocol members such as SocketProtocol.Raw or SocketProtocol.Icmp");
        return scope.AddRule(new DenySocketProtocolRule { Scope = scope.Scope, Protocols = [.. list] }, mode);
    }
}
