using BenchmarkDotNet.Attributes;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Output;
using Hangar.Policy.Tetragon;

namespace Hangar.Policy.Benchmarks;

/// <summary>
/// Compile + YAML emission (everything <c>emit</c> does short of touching the disk) for 10, 100 and 1,000
/// workspaces, per backend and for both together.
/// </summary>
[MemoryDiagnoser]
public class CompileAndEmitBenchmarks
{
    private PolicySet _set = null!;

    /// <summary>The number of workspaces.</summary>
    [Params(10, 100, 1000)]
    public int Workspaces { get; set; }

    /// <summary>Builds the policy set once per parameter value; building is not measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _set = SyntheticWorkspaces.Create(Workspaces);

        // A benchmark of a failing compilation would measure the error path: make sure it succeeds.
        var check = PolicyCompiler.Compile(_set, SyntheticWorkspaces.Options(new NetworkPolicyBackend(), new TetragonBackend()));
        if (!check.Succeeded)
            throw new InvalidOperationException(string.Join(Environment.NewLine, check.Errors));
    }

    /// <summary>NetworkPolicy only.</summary>
    [Benchmark(Baseline = true)]
    public int NetworkPolicy() => Emit(new NetworkPolicyBackend());

    /// <summary>Tetragon only.</summary>
    [Benchmark]
    public int Tetragon() => Emit(new TetragonBackend());

    /// <summary>Both engines, as the example emits.</summary>
    [Benchmark]
    public int NetworkPolicyAndTetragon() => Emit(new NetworkPolicyBackend(), new TetragonBackend());

    // Returns the total characters written so the work cannot be optimised away.
    private int Emit(params IPolicyBackend[] backends)
    {
        var result = PolicyCompiler.Compile(_set, SyntheticWorkspaces.Options(backends));
        return ManifestDirectory.Render(result).Values.Sum(text => text.Length);
    }
}
