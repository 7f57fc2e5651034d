using Hangar.Policy.Compilation;
using Hangar.Policy.Output;
using NuGet.Versioning;

namespace Hangar.Policy.Kubernetes.Tests.Fixtures;

/// <summary>
/// A small NetworkPolicy backend for apply tests: one egress policy per server that allows everything except
/// the denied ranges, with one port left without a protocol so the server's defaulting shows up live.
/// </summary>
internal sealed class NetworkPolicyFixture : IPolicyBackend
{
    public string Name => "networkpolicy";

    public EngineFeatureTable Features { get; } =
        new("Kubernetes NetworkPolicy", NuGetVersion.Parse("1.29.0"), VersionRange.Parse("[1.25.0, )"), []);

    public List<BackendContext> Seen { get; } = [];

    public BackendOutput Compile(BackendContext context)
    {
        Seen.Add(context);
        var output = new BackendOutput();
        foreach (var target in context.Policy.Targets)
        {
            var name = $"{target.Server}-egress";
            var denied = target.AllRules.SelectMany(r => r.Destinations).Where(d => !d.ToString().Contains(':', StringComparison.Ordinal))
                .Select(d => d.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
            var body = new ObjectNode
            {
                ["apiVersion"] = "networking.k8s.io/v1",
                ["kind"] = "NetworkPolicy",
                ["metadata"] = ObjectMetadata.Create(context, name, target.Namespace, target.AllRules),
                ["spec"] = new ObjectNode
                {
                    ["podSelector"] = new ObjectNode { ["matchLabels"] = Labels(target) },
                    ["policyTypes"] = new List<object> { "Egress" },
                    ["egress"] = new List<object>
                    {
                        new ObjectNode
                        {
                            ["to"] = new List<object>
                            {
                                new ObjectNode { ["ipBlock"] = new ObjectNode { ["cidr"] = "0.0.0.0/0", ["except"] = denied } },
                            },
                            ["ports"] = new List<object>
                            {
                                new ObjectNode { ["port"] = 443 },
                                new ObjectNode { ["port"] = 53, ["protocol"] = "UDP" },
                            },
                        },
                    },
                },
            };
            output.Objects.Add(new EmittedObject(Name, "networking.k8s.io/v1", "NetworkPolicy", target.Namespace, name, body));
            foreach (var rule in target.AllRules)
                output.Coverage.Add(new(rule.Id, Name, CoverageStatus.Enforced, "ipBlock except"));
        }
        return output;
    }

    internal static ObjectNode Labels(ServerTarget target)
    {
        var labels = new ObjectNode();
        foreach (var (key, value) in target.PodLabels)
            labels[key] = value;
        return labels;
    }
}
