using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Rules;
using FileAccess = Hangar.Policy.Rules.FileAccess;

namespace Hangar.Policy.TestSupport;

/// <summary>The verbs the random policies use.</summary>
internal enum RuleKind
{
    DenyLoopback,
    DenyCloudMetadata,
    DenyCidr,
    DenyClusterInternal,
    DenyLateral,
    DenyCorporateNetwork,
    DefaultDenyEgress,
    AllowEgress,
    DenySocketProtocol,
    DenyExec,
    AllowExec,
    DenyFileRead,
    DenyFileWrite,
    DenyFileWritesOutside,
    DenyCapability,
    AuditSyscall,
}

/// <summary>
/// One generated rule, kept as data so that a failing case prints as the C# that declares it
/// (<see cref="ToString"/>) and can be pasted into a regular test.
/// </summary>
internal sealed record RuleSpec(RuleKind Kind, string Argument, PortChoice Ports, RuleMode? Mode)
{
    public TSelf Apply<TSelf>(TSelf scope) where TSelf : ScopeBuilder<TSelf>
    {
        var ports = Ports.ToPortSet();
        return Kind switch
        {
            RuleKind.DenyLoopback => scope.DenyLoopback(Mode),
            RuleKind.DenyCloudMetadata => scope.DenyCloudMetadata(Enum.Parse<CloudProvider>(Argument), Mode),
            RuleKind.DenyCidr => scope.DenyCidr([Argument], ports, Mode),
            RuleKind.DenyClusterInternal => scope.DenyClusterInternal(Mode),
            RuleKind.DenyLateral => scope.DenyLateral(Mode),
            RuleKind.DenyCorporateNetwork => scope.DenyCorporateNetwork(Mode),
            RuleKind.DefaultDenyEgress => scope.DefaultDenyEgress(Mode),
            RuleKind.AllowEgress => scope.AllowEgress(Argument, ports, Mode),
            RuleKind.DenySocketProtocol => scope.DenySocketProtocol([Enum.Parse<SocketProtocol>(Argument)], Mode),
            RuleKind.DenyExec => scope.DenyExec([Argument], Mode),
            RuleKind.AllowExec => scope.AllowExec([Argument], Mode),
            RuleKind.DenyFileRead => scope.DenyFileAccess(FileAccess.Read, [Argument], Mode),
            RuleKind.DenyFileWrite => scope.DenyFileAccess(FileAccess.Write, [Argument], Mode),
            RuleKind.DenyCapability => scope.DenyCapability([Argument], Mode),
            RuleKind.AuditSyscall => scope.AuditSyscall(Argument),
            _ => scope.DenyFileWritesOutside([Argument], Mode),
        };
    }

    /// <summary>The verb as C#, e.g. <c>.DenyCidr(["10.0.0.0/8"], Ports.Tcp(443), RuleMode.Audit)</c>.</summary>
    public override string ToString()
    {
        var mode = Mode is null ? "null" : $"RuleMode.{Mode}";
        var ports = Ports.ToCSharp();
        return Kind switch
        {
            RuleKind.DenyLoopback or RuleKind.DenyClusterInternal or RuleKind.DenyLateral or RuleKind.DenyCorporateNetwork
                or RuleKind.DefaultDenyEgress => $".{Kind}({mode})",
            RuleKind.DenyCloudMetadata =>
                $".DenyCloudMetadata(CloudProvider.{Argument.Replace(", ", " | CloudProvider.", StringComparison.Ordinal)}, {mode})",
            RuleKind.DenyCidr => $".DenyCidr([\"{Argument}\"], {ports}, {mode})",
            RuleKind.AllowEgress => $".AllowEgress(\"{Argument}\", {ports}, {mode})",
            RuleKind.DenySocketProtocol => $".DenySocketProtocol([SocketProtocol.{Argument}], {mode})",
            RuleKind.DenyExec or RuleKind.AllowExec or RuleKind.DenyFileWritesOutside => $".{Kind}([\"{Argument}\"], {mode})",
            RuleKind.DenyFileRead => $".DenyFileAccess(FileAccess.Read, [\"{Argument}\"], {mode})",
            RuleKind.DenyCapability => $".DenyCapability([\"{Argument}\"], {mode})",
            RuleKind.AuditSyscall => $".AuditSyscall(\"{Argument}\")",
            _ => $".DenyFileAccess(FileAccess.Write, [\"{Argument}\"], {mode})",
        };
    }
}

/// <summary>The port sets the random policies use.</summary>
internal enum PortChoice
{
    Any,
    Tcp443,
    Tcp22And443,
    TcpAndUdp53,
    TcpRange8000,
    Udp53,
    Sctp9,
}

internal static class PortChoices
{
    public static PortSet ToPortSet(this PortChoice choice) => choice switch
    {
        PortChoice.Tcp443 => Hangar.Policy.Model.Ports.Tcp(443),
        PortChoice.Tcp22And443 => Hangar.Policy.Model.Ports.Tcp(22, 443),
        PortChoice.TcpAndUdp53 => Hangar.Policy.Model.Ports.TcpAndUdp(53),
        PortChoice.TcpRange8000 => Hangar.Policy.Model.Ports.TcpRange(8000, 8999),
        PortChoice.Udp53 => Hangar.Policy.Model.Ports.Udp(53),
        PortChoice.Sctp9 => Hangar.Policy.Model.Ports.Sctp(9),
        _ => PortSet.Any,
    };

    public static string ToCSharp(this PortChoice choice) => choice switch
    {
        PortChoice.Tcp443 => "Ports.Tcp(443)",
        PortChoice.Tcp22And443 => "Ports.Tcp(22, 443)",
        PortChoice.TcpAndUdp53 => "Ports.TcpAndUdp(53)",
        PortChoice.TcpRange8000 => "Ports.TcpRange(8000, 8999)",
        PortChoice.Udp53 => "Ports.Udp(53)",
        PortChoice.Sctp9 => "Ports.Sctp(9)",
        _ => "Ports.Any",
    };
}
