using Hangar.Policy.Building;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;
using Hangar.Policy.Validation;
using NuGet.Versioning;

namespace Hangar.Policy.Tests;

public sealed class PolicyCompilerTests
{
    private static PolicySet TwoServers() => PolicySet.Named("acme-mcp")
        .Workspace("acme", ws => ws.DenyLoopback()
            .Server("fetch", s => s.DenyCloudMetadata().Tool("fetch", t => t.RunsAs("/usr/bin/fetch").DenyCidr("10.0.0.0/8")))
            .Server("git"))
        .Build();

    [Fact]
    public void Compile_ResolvesInheritedRulesPerTarget()
    {
        var backend = new RecordingBackend("rec");

        PolicyCompiler.Compile(TwoServers(), new CompileOptions { Backends = [backend] });

        var targets = backend.Seen.Single().Policy.Targets;
        Assert.Equal(["fetch", "git"], targets.Select(t => t.Server));
        Assert.Equal(["acme/deny-loopback", "acme/fetch/deny-cloud-metadata"], targets[0].Rules.Select(r => r.Id.Value));
        Assert.Equal(["acme/deny-loopback"], targets[1].Rules.Select(r => r.Id.Value));
        Assert.Equal(["/usr/bin/fetch"], targets[0].Tools.Single().Binaries);
        Assert.Equal(["10.0.0.0/8"], targets[0].Tools.Single().Rules.Single().Destinations.Select(d => d.ToString()));
    }

    [Fact]
    public void Compile_StampsOwnershipLabelsAndRuleIds()
    {
        var result = PolicyCompiler.Compile(TwoServers(), new CompileOptions { Backends = [new RecordingBackend("rec")] });

        var metadata = result.Objects.First().Body.Node("metadata")!;
        Assert.Equal("hangar-policy", metadata.Node("labels")![HangarLabels.ManagedBy]);
        Assert.Equal("acme-mcp", metadata.Node("labels")![HangarLabels.PolicySet]);
        Assert.Equal("acme/deny-loopback,acme/fetch/deny-cloud-metadata,acme/fetch/fetch/deny-cidr-" + RuleIdOf("10.0.0.0/8"),
            metadata.Node("annotations")![HangarLabels.RulesAnnotation]);
    }

    [Fact]
    public void Compile_AnyBackendError_EmitsNothingButKeepsCoverage()
    {
        var result = PolicyCompiler.Compile(TwoServers(),
            new CompileOptions { Backends = [new RecordingBackend("good"), new RecordingBackend("bad", failWithError: true)] });

        Assert.False(result.Succeeded);
        Assert.Empty(result.Objects);
        Assert.NotEmpty(result.Coverage.Entries);
        Assert.Throws<InvalidOperationException>(() =>
            ManifestDirectory.Write(result, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString())));
    }

    [Fact]
    public void Compile_VersionOutsideSupportedRange_IsAnErrorNamingTheRange()
    {
        var options = new CompileOptions
        {
            Backends = [new RecordingBackend("rec")],
            EngineVersions = CompileOptionsVersions("rec", "0.9.0"),
        };

        var error = Assert.Single(PolicyCompiler.Compile(TwoServers(), options).Errors);

        Assert.Equal(DiagnosticIds.EngineVersionTooOld, error.Id);
        Assert.Contains("0.9.0", error.Problem);
        Assert.Contains(">= 1.0.0", error.Fix);
    }

    [Fact]
    public void Compile_RuleNoBackendEnforces_WarnsWithEachBackendsReason()
    {
        var result = PolicyCompiler.Compile(TwoServers(),
            new CompileOptions { Backends = [new RecordingBackend("a", CoverageStatus.Unsupported),
                new RecordingBackend("b", CoverageStatus.Detected)] });

        Assert.True(result.Succeeded);
        var warning = result.Diagnostics.First(d => d.Id == DiagnosticIds.NotEnforced);
        Assert.Contains("a: unsupported", warning.Problem);
        Assert.Contains("b: detected", warning.Problem);
    }

    [Fact]
    public void Compile_RuleAtBestPartial_WarnsThatNoEngineFullyEnforcesIt()
    {
        IPolicyBackend[] backends = [new RecordingBackend("a", CoverageStatus.Partial), new RecordingBackend("b", CoverageStatus.Detected)];

        var result = PolicyCompiler.Compile(TwoServers(), new CompileOptions { Backends = [.. backends] });

        var warning = result.Diagnostics.First(d => d.Id == DiagnosticIds.NotEnforced);
        Assert.Contains("fully enforces", warning.Problem);
        Assert.Contains("a: partial", warning.Problem);
    }

    [Fact]
    public void Compile_RulePartialInOneEngineEnforcedInAnother_DoesNotWarn()
    {
        var result = PolicyCompiler.Compile(TwoServers(),
            new CompileOptions { Backends = [new RecordingBackend("a", CoverageStatus.Partial), new RecordingBackend("b")] });

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.NotEnforced);
    }

    [Fact]
    public void CoverageMatrix_PartialIsWeakerThanWidened()
    {
        var rule = new RuleId("acme/default-deny-egress");

        var matrix = CoverageMatrix.Create([rule], ["x"],
        [
            new CoverageEntry(rule, "x", CoverageStatus.Widened, "git widened"),
            new CoverageEntry(rule, "x", CoverageStatus.Partial, "loopback inside the pod is not seen"),
        ]);

        Assert.Equal(CoverageStatus.Partial, matrix.Find(rule, "x")!.Status);
        Assert.Equal("loopback inside the pod is not seen", matrix.Find(rule, "x")!.Reason);
    }

    [Fact]
    public void CoverageMatrix_KeepsWeakestStatusAndFillsSilence()
    {
        var rule = new RuleId("acme/deny-loopback");
        var other = new RuleId("acme/deny-lateral");

        var matrix = CoverageMatrix.Create([rule, other], ["x"],
        [
            new CoverageEntry(rule, "x", CoverageStatus.Enforced, "fetch"),
            new CoverageEntry(rule, "x", CoverageStatus.Widened, "git widened"),
        ]);

        Assert.Equal(CoverageStatus.Widened, matrix.Find(rule, "x")!.Status);
        Assert.Equal("git widened", matrix.Find(rule, "x")!.Reason);
        Assert.Equal(CoverageStatus.Unsupported, matrix.Find(other, "x")!.Status);
    }

    [Fact]
    public void Compile_SameInputTwice_WritesByteIdenticalFiles()
    {
        var first = ManifestDirectory.Render(PolicyCompiler.Compile(TwoServers(),
            new CompileOptions { Backends = [new RecordingBackend("rec")] }));
        var second = ManifestDirectory.Render(PolicyCompiler.Compile(TwoServers(),
            new CompileOptions { Backends = [new RecordingBackend("rec")] }));

        Assert.Equal(first, second);
        Assert.Equal(["kustomization.yaml", "rec/configmap-acme-rec-fetch.yaml", "rec/configmap-acme-rec-git.yaml"], first.Keys);
        Assert.Contains("- rec/configmap-acme-rec-fetch.yaml", first["kustomization.yaml"]);
    }

    [Fact]
    public void Compile_DenyClusterInternalWithoutPodCidrs_NamesTheMissingFact()
    {
        var set = PolicySet.Named("p").Workspace("acme", ws => ws.DenyClusterInternal().Server("git")).Build();

        var errors = PolicyCompiler.Compile(set, new CompileOptions
        {
            Cluster = new ClusterFacts { Dns = DnsService.KubeDns() },
        }).Errors.ToList();

        Assert.Contains(errors, e => e.Id == DiagnosticIds.MissingClusterFact && e.Fix.Contains("cluster.pod_cidrs"));
        Assert.Contains(errors, e => e.Id == DiagnosticIds.MissingClusterFact && e.Fix.Contains("cluster.service_cidrs"));
    }

    [Fact]
    public void Validate_WithFacts_RejectsAllowInsideClusterRange()
    {
        var set = PolicySet.Named("p")
            .Workspace("acme", ws => ws.DenyClusterInternal().Server("git", s => s.AllowEgress("10.96.0.0/16", Ports.Tcp(443))))
            .Build();
        var facts = new ClusterFacts
        {
            PodCidrs = [Networking.IpCidr.Parse("10.244.0.0/16")],
            ServiceCidrs = [Networking.IpCidr.Parse("10.96.0.0/12")],
            Dns = DnsService.KubeDns(),
        };

        var result = PolicyCompiler.Compile(set, new CompileOptions { Cluster = facts });

        Assert.Contains(result.Errors, e => e.Id == DiagnosticIds.AllowInsideDeny && e.Problem.Contains("10.96.0.0/16"));
    }

    private static System.Collections.Immutable.ImmutableDictionary<string, NuGetVersion> CompileOptionsVersions(
        string name, string version) =>
        System.Collections.Immutable.ImmutableDictionary<string, NuGetVersion>.Empty.Add(name, NuGetVersion.Parse(version));

    private static string RuleIdOf(string cidrs) =>
        new Rules.DenyCidrRule { Scope = new PolicyScope("x"), Cidrs = [Networking.IpCidr.Parse(cidrs)] }.Id.Value["x/deny-cidr-".Length..];
}
