using Hangar.Policy.Compilation;
using Hangar.Policy.Falco;
using Hangar.Policy.KubeArmor;
using Hangar.Policy.Model;
using Hangar.Policy.NetworkPolicy;
using Hangar.Policy.Tetragon;

namespace Hangar.Policy.Conformance.Tests.CoverageTable;

/// <summary>
/// The policy behind one row of the documented coverage table: a workspace <c>acme</c> with a server <c>fetch</c>
/// holding one rule of the row's intent (plus what the rule needs, e.g. the allowlist an allow belongs to), and
/// which rule's coverage the row documents.
/// </summary>
/// <param name="Intent">The row's first cell, exactly as written in docs/backends.md.</param>
/// <param name="Build">Builds the policy set.</param>
/// <param name="Checked">The type of the rule whose coverage the row states; the set holds exactly one.</param>
/// <param name="KubeArmor">KubeArmor's options for the row; null for the defaults.</param>
internal sealed record ReferencePolicy(string Intent, Func<PolicySet> Build, Type Checked, KubeArmorOptions? KubeArmor = null)
{
    /// <summary>The cluster every reference policy is compiled against: every fact a rule may need.</summary>
    public static ClusterFacts Cluster { get; } = new()
    {
        PodCidrs = [Networking.IpCidr.Parse("10.244.0.0/16")],
        ServiceCidrs = [Networking.IpCidr.Parse("10.96.0.0/12")],
        KubernetesApi = [Networking.IpCidr.Parse("10.96.0.1/32")],
        Dns = DnsService.KubeDns("10.96.0.10"),
        CorporateRanges = [Networking.IpCidr.Parse("172.16.0.0/12")],
    };

    /// <summary>The four shipped backends, in the table's column order, at their default target versions.</summary>
    public IReadOnlyList<IPolicyBackend> Backends() =>
        [new NetworkPolicyBackend(), new TetragonBackend(), new KubeArmorBackend(KubeArmor), new FalcoBackend()];

    /// <summary>Compiles the policy for every backend; returns the checked rule's entry per backend.</summary>
    public IReadOnlyDictionary<string, CoverageEntry> Compile()
    {
        var set = Build();
        var rule = Assert.Single(set.AllRules, r => r.GetType() == Checked);
        var result = PolicyCompiler.Compile(set, new CompileOptions { Backends = [.. Backends()], Cluster = Cluster });
        Assert.True(result.Succeeded, $"reference policy for '{Intent}' does not compile: {string.Join("; ", result.Errors)}");
        return result.Coverage.Entries.Where(e => e.RuleId == rule.Id).ToDictionary(e => e.Backend, StringComparer.Ordinal);
    }

    public override string ToString() => Intent;
}
