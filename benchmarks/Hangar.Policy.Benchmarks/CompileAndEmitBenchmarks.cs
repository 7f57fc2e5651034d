using BenchmarkDotNet.Attributes;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Output;
using Hangar.Policy.Tetragon;

namespace Hangar.Policy.Benchmarks;

/// <summary>
/// Compile + YAML emission (everything <c>emit</c> does short of touching the disk) for 10, 100 and 1,000
/// workspaces, per backend and for both together. A Tetragon agent loads at most 128 filtered policies, so the
/// Tetragon runs compile the workspaces in sets that each fit one agent, as a user splits them across clusters.
/// </summary>
[MemoryDiagnoser]
public class CompileAndEmitBenchmarks
{
    private PolicySet _set = null!;
    private IReadOnlyList<PolicySet> _tetragonSets = [];

    /// <summary>The number of workspaces.</summary>
    [Params(10, 100, 1000)]
    public int Workspaces { get; set; }

    /// <summary>Builds the policy set once per parameter value; building is not measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _set = SyntheticWorkspaces.Create(Workspaces);
        var perWorkspace = PolicyCompiler.Compile(SyntheticWorkspaces.Create(1), SyntheticWorkspaces.Options(new TetragonBackend()))
            .Objects.Length;
        _tetragonSets = SyntheticWorkspaces.Split(Workspaces, TetragonBackend.MaxFilteredPolicies / perWorkspace);

        // A benchmark of a failing compilation would measure the error path: make sure it succeeds.
        Check(_set, new NetworkPolicyBackend());
        foreach (var set in _tetragonSets)
            Check(set, new NetworkPolicyBackend(), new TetragonBackend());
    }

    /// <summary>NetworkPolicy only.</summary>
    [Benchmark(Baseline = true)]
    public int NetworkPolicy() => Emit(_set, new NetworkPolicyBackend());

    /// <summary>Tetragon only.</summary>
    [Benchmark]
    public int Tetragon() => _tetragonSets.Sum(set => Emit(set, new TetragonBackend()));

    /// <summary>Both engines, as the example emits.</summary>
    [Benchmark]
    public int NetworkPolicyAndTetragon() => _tetragonSets.Sum(set => Emit(set, new NetworkPolicyBackend(), new TetragonBackend()));

    private static void Check(PolicySet set, params IPolicyBackend[] backends)
    {
        var check = PolicyCompiler.Compile(set, SyntheticWorkspaces.Options(backends));
        if (!check.Succeeded)
            throw new InvalidOperationException(string.Join(Environment.NewLine, check.Errors));
    }

    // Returns the total characters written so the work cannot be optimised away.
    private static int Emit(PolicySet set, params IPolicyBackend[] backends)
    {
        var result = PolicyCompiler.Compile(set, SyntheticWorkspaces.Options(backends));
        return ManifestDirectory.Render(result).Values.Sum(text => text.Length);
    }
}
