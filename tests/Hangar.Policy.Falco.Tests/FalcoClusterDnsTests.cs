using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Networking;

namespace Hangar.Policy.Falco.Tests;

/// <summary>Cluster DNS stays reachable through every deny that would catch it, so Falco must not report it.</summary>
public sealed class FalcoClusterDnsTests
{
    private const string KeptServiceDns =
        "not (fd.snet in (\"10.96.0.10/32\", \"::ffff:a60:a/128\") and fd.l4proto in (tcp, udp) and fd.sport = 53)";

    private static CompilationResult Compile(Action<ServerBuilder> configure, ClusterFacts? facts = null)
    {
        var set = PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.Server("git", configure)).Build();
        return PolicyCompiler.Compile(set, new CompileOptions { Backends = [new FalcoBackend()], Cluster = facts ?? Emission.Facts });
    }

    [Fact]
    public void DenyClusterInternal_LeavesClusterDnsOnPort53Unreported()
    {
        var result = Compile(s => s.DenyClusterInternal());

        var condition = Assert.Single(Emission.Conditions(Emission.RulesFile(result)));
        Assert.Contains("\"10.244.0.0/16\"", condition, StringComparison.Ordinal);
        Assert.Contains(KeptServiceDns, condition, StringComparison.Ordinal);
    }

    [Fact]
    public void DenyClusterInternal_CoverageReasonNamesTheKeptDnsAddress()
    {
        var result = Compile(s => s.DenyClusterInternal());

        var entry = Assert.Single(result.Coverage.Entries);
        Assert.Equal(CoverageStatus.Detected, entry.Status);
        Assert.Contains("cluster DNS (10.96.0.10/32) on port 53", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DenyCloudMetadata_KeepsNodeLocalDnsInsideLinkLocal()
    {
        var facts = Emission.Facts with { NodeLocalDns = IpCidr.Parse("169.254.20.10") };

        var result = Compile(s => s.DenyCloudMetadata(), facts);

        var condition = Assert.Single(Emission.Conditions(Emission.RulesFile(result)));
        Assert.Contains("not (fd.snet in (\"169.254.20.10/32\", \"::ffff:a9fe:140a/128\") and fd.l4proto in (tcp, udp) and fd.sport = 53)",
            condition, StringComparison.Ordinal);
    }

    [Fact]
    public void DenyCorporateNetwork_CoveringTheServiceAddress_KeepsDns()
    {
        var facts = Emission.Facts with { CorporateRanges = [IpCidr.Parse("10.0.0.0/8")] };

        var result = Compile(s => s.DenyCorporateNetwork(), facts);

        Assert.Contains(KeptServiceDns, Assert.Single(Emission.Conditions(Emission.RulesFile(result))), StringComparison.Ordinal);
    }

    [Fact]
    public void DenyLateral_PodRangesHoldNoDnsServiceAddress_NothingIsCarvedOut()
    {
        var result = Compile(s => s.DenyLateral());

        Assert.DoesNotContain("fd.sport = 53", Assert.Single(Emission.Conditions(Emission.RulesFile(result))), StringComparison.Ordinal);
    }

    [Fact]
    public void DenyCidr_CoveringDns_IsTakenAsWritten()
    {
        var result = Compile(s => s.DenyCidr("10.96.0.0/16"));

        Assert.DoesNotContain("fd.sport = 53", Assert.Single(Emission.Conditions(Emission.RulesFile(result))), StringComparison.Ordinal);
    }
}
