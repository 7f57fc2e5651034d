using Hangar.Policy.Building;
using Hangar.Policy.Model;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon.Tests;

/// <summary>
/// A Tetragon agent loads at most 128 pod- or namespace-filtered policies; past that, rules would silently go unenforced.
/// </summary>
public sealed class PolicyLimitTests
{
    private static PolicySet Servers(int count, Func<ServerBuilder, ServerBuilder>? first = null) => PolicySet.Named("p")
        .Workspace("acme", ws => Enumerable.Range(1, count - 1)
            .Aggregate(ws.DenyLoopback().Server("big", s => (first ?? (x => x))(s)), (w, i) => w.Server($"s{i:D3}", _ => { })))
        .Build();

    [Fact]
    public void MoreThan128Policies_IsAnError_AndNothingIsEmitted()
    {
        var result = Compile.For(Servers(129));

        Assert.Empty(result.Objects);
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticIds.EngineLimitExceeded, error.Id);
        Assert.Contains("needs 129 TracingPolicyNamespaced objects for 129 servers", error.Problem);
        Assert.Contains("at most 128", error.Problem);
        Assert.Contains("fewer tool-scoped rules", error.Fix);
    }

    [Fact]
    public void Exactly128Policies_Compiles()
    {
        var result = Compile.For(Servers(128));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(128, result.Objects.Length);
    }

    [Fact]
    public void LimitError_NamesTheServersThatNeedTheMostPolicies()
    {
        var tools = (ServerBuilder s) => Enumerable.Range(0, 30)
            .Aggregate(s, (b, i) => b.Tool($"t{i:D2}", t => t.RunsAs($"/usr/bin/t{i:D2}").DenyCidr($"198.51.{i}.0/24")));

        var result = Compile.For(Servers(125, tools));

        var error = Assert.Single(result.Errors);
        Assert.Matches(@"largest: acme/big \d+, acme/s001 1", error.Problem);
    }
}
