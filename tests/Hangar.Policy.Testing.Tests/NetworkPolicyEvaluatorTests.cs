using Hangar.Policy.Model;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using static Hangar.Policy.Testing.Tests.EventFactory;

namespace Hangar.Policy.Testing.Tests;

public sealed class NetworkPolicyEvaluatorTests
{
    private const string DenyAllEgress = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-egress
          namespace: acme
          annotations:
            hangar.dev/rules: acme/default-deny-egress
        spec:
          podSelector: {}
          policyTypes:
          - Egress
        """;

    private const string MetadataExcept = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: fetch-egress
          namespace: acme
          annotations:
            hangar.dev/rules: acme/deny-cloud-metadata
        spec:
          podSelector:
            matchLabels:
              hangar.dev/server: fetch
          policyTypes:
          - Egress
          egress:
          - to:
            - ipBlock:
                cidr: 0.0.0.0/0
                except:
                - 169.254.0.0/16
            - ipBlock:
                cidr: ::/0
                except:
                - fe80::/10
        """;

    private static Verdict Judge(ConnectEvent connect, params string[] yaml) =>
        new NetworkPolicyEvaluator().Evaluate(connect, AcmeFetch, [.. yaml.SelectMany(ManifestReader.ReadYaml)]);

    [Fact]
    public void NoPolicySelectsPod_NotCovered()
    {
        var verdict = Judge(Connect("10.0.0.1:80"), DenyAllEgress.Replace("namespace: acme", "namespace: other"));

        Assert.Equal(Outcome.NotCovered, verdict.Outcome);
    }

    [Fact]
    public void EgressTypeWithoutRules_BlocksEverything()
    {
        var verdict = Judge(Connect("93.184.216.34:443"), DenyAllEgress);

        Assert.Equal(Outcome.Blocked, verdict.Outcome);
        Assert.Equal(["NetworkPolicy acme/default-deny-egress"], verdict.Objects);
        Assert.Equal(["acme/default-deny-egress"], verdict.RuleIds);
    }

    [Fact]
    public void PolicyTypesOmittedWithEmptyEgress_IsIngressOnly()
    {
        var ingressOnly = DenyAllEgress.Replace("  policyTypes:\n  - Egress", "");

        Assert.Equal(Outcome.NotCovered, Judge(Connect("10.0.0.1:80"), ingressOnly).Outcome);
    }

    [Fact]
    public void PolicyTypesOmittedWithEgressRules_IsolatesForEgress()
    {
        var implicitEgress = MetadataExcept.Replace("  policyTypes:\n  - Egress\n", "");

        Assert.Equal(Outcome.Blocked, Judge(Connect("169.254.169.254:80"), implicitEgress).Outcome);
    }

    [Theory]
    [InlineData("169.254.169.254:80", Outcome.Blocked)]
    [InlineData("[fe80::1]:80", Outcome.Blocked)]
    [InlineData("[::ffff:169.254.169.254]:80", Outcome.Blocked)]
    [InlineData("93.184.216.34:443", Outcome.Allowed)]
    [InlineData("[2606:2800:220:1::1]:443", Outcome.Allowed)]
    public void IpBlockExcept_CarvesOutTheExceptedRange(string endpoint, Outcome expected)
    {
        Assert.Equal(expected, Judge(Connect(endpoint), MetadataExcept).Outcome);
    }

    [Theory]
    [InlineData("127.0.0.1:3000")]
    [InlineData("127.1.2.3:3000")]
    [InlineData("0.0.0.0:3000")]
    [InlineData("[::1]:3000")]
    [InlineData("[::]:3000")]
    [InlineData("[::ffff:127.0.0.1]:3000")]
    public void Loopback_IsNeverSeen(string endpoint)
    {
        Assert.Equal(Outcome.NotCovered, Judge(Connect(endpoint), DenyAllEgress).Outcome);
    }

    [Fact]
    public void TwoPolicies_AllowUnion()
    {
        var verdict = Judge(Connect("93.184.216.34:443"), DenyAllEgress, MetadataExcept);

        Assert.Equal(Outcome.Allowed, verdict.Outcome);
        Assert.Equal(["NetworkPolicy acme/fetch-egress"], verdict.Objects);
    }

    [Theory]
    [InlineData(31999, Outcome.Blocked)]
    [InlineData(32000, Outcome.Allowed)]
    [InlineData(32768, Outcome.Allowed)]
    [InlineData(32769, Outcome.Blocked)]
    public void EndPort_IsInclusive(int port, Outcome expected)
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: multi-port-egress, namespace: acme}
            spec:
              podSelector: {matchLabels: {hangar.dev/server: fetch}}
              policyTypes: [Egress]
              egress:
              - to:
                - ipBlock: {cidr: 10.0.0.0/24}
                ports:
                - protocol: TCP
                  port: 32000
                  endPort: 32768
            """;

        Assert.Equal(expected, Judge(Connect($"10.0.0.7:{port}"), yaml).Outcome);
    }

    [Fact]
    public void PortWithoutProtocol_MeansTcpOnly()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: dns, namespace: acme}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - ports:
                - port: 53
            """;

        Assert.Equal(Outcome.Allowed, Judge(Connect("10.96.0.10:53"), yaml).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(Connect("10.96.0.10:53", Protocol.Udp), yaml).Outcome);
    }

    [Fact]
    public void EmptyRule_AllowsEverything()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: all, namespace: acme}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - {}
            """;

        Assert.Equal(Outcome.Allowed, Judge(Connect("169.254.169.254:80", Protocol.Sctp), yaml).Outcome);
    }

    [Fact]
    public void NamespaceAndPodSelectorInOnePeer_AreAnded()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: dns, namespace: acme}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                  podSelector: {matchLabels: {k8s-app: kube-dns}}
                ports:
                - {protocol: UDP, port: 53}
            """;
        var dnsPod = DestinationPod.Of("kube-system", "k8s-app=kube-dns") with { Address = Ip("10.244.0.5") };
        var otherPod = DestinationPod.Of("kube-system", "k8s-app=metrics") with { Address = Ip("10.244.0.6") };

        Assert.Equal(Outcome.Allowed, Judge(Connect("10.96.0.10:53", Protocol.Udp, dnsPod), yaml).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(Connect("10.96.0.10:53", Protocol.Udp, otherPod), yaml).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(Connect("10.96.0.10:53", Protocol.Udp), yaml).Outcome);
    }

    [Fact]
    public void LonePodSelectorPeer_MeansOwnNamespace()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: same-namespace, namespace: acme}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - podSelector: {}
            """;
        var sameNamespace = DestinationPod.Of("acme", "app=db");
        var otherNamespace = DestinationPod.Of("globex", "app=db");

        Assert.Equal(Outcome.Allowed, Judge(Connect("10.244.1.9:5432", pod: sameNamespace), yaml).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(Connect("10.244.2.9:5432", pod: otherNamespace), yaml).Outcome);
    }

    [Fact]
    public void MatchExpressions_SelectThePod()
    {
        var yaml = DenyAllEgress.Replace("podSelector: {}",
            "podSelector:\n    matchExpressions:\n    - {key: hangar.dev/server, operator: In, values: [git, fetch]}");

        Assert.Equal(Outcome.Blocked, Judge(Connect("10.0.0.1:80"), yaml).Outcome);
        Assert.Equal(Outcome.NotCovered, Judge(Connect("10.0.0.1:80"), yaml.Replace("operator: In", "operator: NotIn")).Outcome);
    }
}
