using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tetragon.Tests;

public sealed class GoldenTests
{
    [Fact]
    public void DenyBaseline_MatchesGolden()
    {
        GoldenFile.AssertMatches("deny-baseline", Compile.Yaml(Compile.For(SamplePolicies.DenyBaseline())));
    }

    [Fact]
    public void Allowlist_MatchesGolden()
    {
        GoldenFile.AssertMatches("allowlist", Compile.Yaml(Compile.For(SamplePolicies.Allowlist())));
    }

    [Fact]
    public void DenyBaselineOnTetragon14_MatchesGolden()
    {
        GoldenFile.AssertMatches("deny-baseline-v1.4.0", Compile.Yaml(Compile.For(SamplePolicies.DenyBaseline(), "1.4.0")));
    }

    [Fact]
    public void DenyBaselineOnTetragon13_MatchesGolden()
    {
        GoldenFile.AssertMatches("deny-baseline-v1.3.0", Compile.Yaml(Compile.For(SamplePolicies.DenyBaseline(), "1.3.0")));
    }
}
