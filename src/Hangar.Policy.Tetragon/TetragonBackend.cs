using System.Security.Cryptography;
using System.Text;
using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Tetragon.Egress;
using Hangar.Policy.Tetragon.Emission;
using Hangar.Policy.Validation;

namespace Hangar.Policy.Tetragon;

/// <summary>
/// Emits Cilium Tetragon <c>cilium.io/v1alpha1</c> TracingPolicyNamespaced objects, one set per MCP server,
/// selected by the server's pod labels. Connections are blocked in the kernel at <c>security_socket_connect</c>
/// (Tetragon v1.4.0 and later), so loopback and cloud metadata are enforced inside the pod, where NetworkPolicy
/// cannot see. Tool rules are scoped to the tool's binaries when it names them.
/// </summary>
/// <example><code>new CompileOptions { Backends = [new TetragonBackend()] }</code></example>
public sealed class TetragonBackend : IPolicyBackend
{
    /// <summary>The backend's name in options and hangar.yaml.</summary>
    public const string EngineName = "tetragon";

    /// <summary>
    /// The most pod- or namespace-filtered policies a Tetragon agent loads: a constant of its BPF programs
    /// (POLICY_FILTER_MAX_POLICIES), with no setting to raise it. Every object this backend emits is one of them.
    /// </summary>
    public const int MaxFilteredPolicies = 128;

    private static readonly IHookFamily[] Families =
    [
        new EgressFamily(), new Process.ProcessFamily(), new Process.SocketProtocolFamily(), new Process.SyscallAuditFamily(),
    ];

    /// <inheritdoc />
    public string Name => EngineName;

    /// <inheritdoc />
    public EngineFeatureTable Features => TetragonFeatures.Table;

    /// <inheritdoc />
    public BackendOutput Compile(BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new BackendOutput();
        var stems = NameStems(context.Policy.Targets);
        var perServer = new Dictionary<PolicyScope, int>();
        foreach (var server in context.Policy.Targets)
        {
            var plan = new ServerPlan(context, server, stems[server.Scope], output);
            foreach (var family in Families)
                family.Plan(plan);
            var objects = PolicyPacker.Pack(plan).ToList();
            perServer[server.Scope] = objects.Count;
            output.Objects.AddRange(objects);
        }
        CheckPolicyLimit(context, output, perServer);
        return output;
    }

    // Past the limit the agent fails to load the remaining policies and keeps running, so their rules would be
    // silently unenforced: refuse to emit instead.
    private static void CheckPolicyLimit(BackendContext context, BackendOutput output, Dictionary<PolicyScope, int> perServer)
    {
        var total = perServer.Values.Sum();
        if (total <= MaxFilteredPolicies)
            return;
        var largest = perServer.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Path, StringComparer.Ordinal).Take(3)
            .Select(p => $"{p.Key} {p.Value}");
        output.Diagnostics.Add(context.Diagnostic(DiagnosticIds.EngineLimitExceeded, DiagnosticSeverity.Error,
            $"engine '{EngineName}'",
            $"the policy set needs {total} TracingPolicyNamespaced objects for {perServer.Count} servers (largest: "
                + $"{string.Join(", ", largest)}), but a Tetragon agent loads at most {MaxFilteredPolicies} pod- or "
                + "namespace-filtered policies, other policy sets' included; the rest would fail to load and their rules "
                + "would not be enforced",
            "declare fewer tool-scoped rules (tools that share rules can share a binary list or move the rules to the "
                + "server), merge servers, or split the workspaces across clusters; Tetragon has no setting that raises "
                + "the limit"));
    }

    // Tetragon keys policies by name across namespaces, so "a-b" + "c" and "a" + "b-c" must not both become
    // "a-b-c": colliding stems get a digest of their workspace and server.
    private static Dictionary<PolicyScope, string> NameStems(IEnumerable<ServerTarget> targets)
    {
        var stems = targets.ToDictionary(t => t.Scope, t => $"{t.Workspace}-{t.Server}");
        foreach (var group in stems.GroupBy(s => s.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            foreach (var (scope, stem) in group)
            {
                var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope.Path)))[..6];
                stems[scope] = $"{stem}-{digest}";
            }
        }
        return stems;
    }
}
