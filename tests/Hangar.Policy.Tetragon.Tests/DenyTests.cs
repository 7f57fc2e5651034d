using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class DenyTests
{
    private static CompilationResult Workspace(Func<WorkspaceBuilder, WorkspaceBuilder> rules, ClusterFacts? facts = null) =>
        Compile.For(PolicySet.Named("p").Workspace("acme", ws => rules(ws).Server("fetch")).Build(), cluster: facts);

    [Fact]
    public void DenyCloudMetadata_CoversIPv4IPv6AndMappedForms()
    {
        var simulator = new TetragonSimulator(Workspace(ws => ws.DenyCloudMetadata()).Objects);

        Assert.True(simulator.Blocks(Connection.V4("169.254.169.254", 80)));
        Assert.True(simulator.Blocks(Connection.V4("169.254.169.254", 80).Mapped()));
        Assert.True(simulator.Blocks(Connection.V6("fd00:ec2::254", 80)));
        Assert.True(simulator.Blocks(Connection.V4("100.100.100.200", 80)));
        Assert.True(simulator.Blocks(Connection.V6("fe80::1", 80)));
        Assert.False(simulator.Blocks(Connection.V4("169.255.0.1", 80)));
    }

    [Fact]
    public void DenyCloudMetadata_KeepsNodeLocalDnsOnPort53Only()
    {
        var simulator = new TetragonSimulator(Workspace(ws => ws.DenyCloudMetadata(), SemanticSamples.WithNodeLocalDns).Objects);

        Assert.False(simulator.Blocks(Connection.V4("169.254.20.10", 53, Protocol.Udp)));
        Assert.False(simulator.Blocks(Connection.V4("169.254.20.10", 53)));
        Assert.True(simulator.Blocks(Connection.V4("169.254.20.10", 80)));
        Assert.True(simulator.Blocks(Connection.V4("169.254.20.11", 53, Protocol.Udp)));
    }

    [Fact]
    public void DenyClusterInternal_BlocksServicesAndPodsButKeepsClusterDns()
    {
        var result = Workspace(ws => ws.DenyClusterInternal());
        var simulator = new TetragonSimulator(result.Objects);

        Assert.False(simulator.Blocks(Connection.V4("10.96.0.10", 53, Protocol.Udp)));
        Assert.True(simulator.Blocks(Connection.V4("10.96.0.10", 8080)));
        Assert.True(simulator.Blocks(Connection.V4("10.96.0.1", 443)));
        Assert.True(simulator.Blocks(Connection.V4("10.244.3.7", 8080)));
        Assert.Contains("10.96.0.10/32", result.Coverage.Entries.Single().Reason);
    }

    [Fact]
    public void DenyClusterInternal_WithoutDnsServiceAddress_IsAnError()
    {
        var result = Workspace(ws => ws.DenyClusterInternal(), Compile.Cluster with { Dns = DnsService.KubeDns() });

        Assert.Contains(result.Errors, e => e.Id == DiagnosticIds.MissingClusterFact && e.Problem.Contains("dns.service_ip"));
    }

    [Fact]
    public void DenyClusterInternal_BeforeTetragon14_IsUnsupported()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyClusterInternal().Server("fetch")).Build();

        var result = Compile.For(set, "1.3.0");

        Assert.Empty(result.Objects);
        Assert.Equal(CoverageStatus.Unsupported, result.Coverage.Entries.Single().Status);
    }

    [Fact]
    public void DenyLateral_DeniesEveryPodRange_AndSaysItIsStricter()
    {
        var result = Workspace(ws => ws.DenyLateral());

        Assert.True(new TetragonSimulator(result.Objects).Blocks(Connection.V4("10.244.0.1", 80)));
        Assert.Contains("stricter", result.Coverage.Entries.Single().Reason);
    }

    [Fact]
    public void DenyCidr_KeepsAnExplicitDenyOfTheDnsAddress()
    {
        var simulator = new TetragonSimulator(Workspace(ws => ws.DenyCidr("10.96.0.10")).Objects);

        Assert.True(simulator.Blocks(Connection.V4("10.96.0.10", 53, Protocol.Udp)));
    }

    [Fact]
    public void PortScopedDeny_IsExact()
    {
        var result = Workspace(ws => ws.DenyCidr("203.0.113.0/24", Ports.Tcp(22)).DenyCidr("198.51.100.0/24", Ports.UdpRange(5000, 5999)));
        var simulator = new TetragonSimulator(result.Objects);

        Assert.True(simulator.Blocks(Connection.V4("203.0.113.9", 22)));
        Assert.False(simulator.Blocks(Connection.V4("203.0.113.9", 22, Protocol.Udp)));
        Assert.False(simulator.Blocks(Connection.V4("203.0.113.9", 23)));
        Assert.True(simulator.Blocks(Connection.V4("198.51.100.1", 5999, Protocol.Udp)));
        Assert.False(simulator.Blocks(Connection.V4("198.51.100.1", 6000, Protocol.Udp)));
        Assert.Contains(["5000:5999"], Compile.Values(result, "SPort"));
    }

    [Fact]
    public void DenyCorporateNetwork_UsesTheCorporateRanges()
    {
        var simulator = new TetragonSimulator(Workspace(ws => ws.DenyCorporateNetwork()).Objects);

        Assert.True(simulator.Blocks(Connection.V4("172.20.1.1", 443)));
        Assert.False(simulator.Blocks(Connection.V4("172.32.0.1", 443)));
    }

    [Fact]
    public void AuditAndEnforce_NeverShareAPolicy()
    {
        var result = Workspace(ws => ws.DenyCidr("10.0.0.0/8", mode: RuleMode.Audit).DenyCidr("10.1.0.0/16"));
        var simulator = new TetragonSimulator(result.Objects);

        Assert.Equal(2, result.Objects.Length);
        Assert.All(result.Objects, o => Assert.Single(Compile.Actions(o).Distinct()));
        Assert.True(simulator.Blocks(Connection.V4("10.1.2.3", 80)));
        Assert.False(simulator.Blocks(Connection.V4("10.2.2.3", 80)));
        Assert.True(simulator.Reports(Connection.V4("10.2.2.3", 80)));
    }

    [Fact]
    public void DenyCidrOnTcpPort_AlsoMatchesMptcpSockets()
    {
        var result = Workspace(ws => ws.DenyCidr(["203.0.113.0/24"], Ports.Tcp(22)));

        var tcp = Compile.Values(result, "Protocol").Where(v => v.Contains("IPPROTO_TCP")).ToList();
        Assert.NotEmpty(tcp);
        Assert.All(tcp, values => Assert.Contains("262", values));
    }

    [Fact]
    public void DenyCidrOnUdpPort_LeavesMptcpUnmatched()
    {
        var result = Workspace(ws => ws.DenyCidr(["203.0.113.0/24"], Ports.Udp(53)));

        Assert.All(Compile.Values(result, "Protocol"), values => Assert.DoesNotContain("262", values));
    }
}
