using Hangar.Policy.Compilation;
using Hangar.Policy.Output;
using NuGet.Versioning;

namespace Hangar.Policy.Kubernetes.Tests.Fixtures;

/// <summary>
/// A small Tetragon backend for apply tests: one namespaced TracingPolicy per server and rule that kills connects
/// to the rule's ranges, shaped as Tetragon's CRD expects (kprobes, selectors, podSelector).
/// </summary>
internal sealed class TracingPolicyFixture : IPolicyBackend
{
    public string Name => "tetragon";

    public EngineFeatureTable Features { get; } =
        new("Tetragon", NuGetVersion.Parse("1.5.0"), VersionRange.Parse("[1.3.0, )"), []);

    public List<BackendContext> Seen { get; } = [];

    public BackendOutput Compile(BackendContext context)
    {
        Seen.Add(context);
        var output = new BackendOutput();
        var pairs = context.Policy.Targets.SelectMany(t => t.AllRules.Where(r => !r.Destinations.IsEmpty).Select(r => (t, r)));
        foreach (var (target, rule) in pairs)
        {
            var name = $"{target.Server}-{rule.Id.Short}";
            var denied = rule.Destinations.Select(d => d.ToString()).ToList();
            var body = new ObjectNode
            {
                ["apiVersion"] = "cilium.io/v1alpha1",
                ["kind"] = "TracingPolicyNamespaced",
                ["metadata"] = ObjectMetadata.Create(context, name, target.Namespace, [rule]),
                ["spec"] = new ObjectNode
                {
                    ["podSelector"] = new ObjectNode { ["matchLabels"] = NetworkPolicyFixture.Labels(target) },
                    ["kprobes"] = new List<object>
                    {
                        new ObjectNode
                        {
                            ["call"] = "tcp_connect",
                            ["syscall"] = false,
                            ["args"] = new List<object> { new ObjectNode { ["index"] = 0, ["type"] = "sock" } },
                            ["selectors"] = new List<object>
                            {
                                new ObjectNode
                                {
                                    ["matchArgs"] = new List<object>
                                    {
                                        new ObjectNode { ["index"] = 0, ["operator"] = "DAddr", ["values"] = denied },
                                    },
                                    ["matchActions"] = new List<object> { new ObjectNode { ["action"] = "Sigkill" } },
                                },
                            },
                        },
                    },
                },
            };
            output.Objects.Add(new EmittedObject(Name, "cilium.io/v1alpha1", "TracingPolicyNamespaced", target.Namespace, name, body));
            output.Coverage.Add(new(rule.Id, Name, CoverageStatus.Enforced, "tcp_connect DAddr"));
        }
        return output;
    }
}
