using Hangar.Policy.Model;
using Hangar.Policy.Testing.Evaluation;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;
using Hangar.Policy.TestSupport;
using NuGet.Versioning;
using static Hangar.Policy.Testing.Tests.EventFactory;

namespace Hangar.Policy.Testing.Tests;

public sealed class TetragonEvaluatorTests
{
    private static readonly NuGetVersion V15 = new(1, 5, 0);

    // Modelled on examples/tracingpolicy/security-socket-connect-block-others.yaml.
    private const string SocketConnectDeny = """
        apiVersion: cilium.io/v1alpha1
        kind: TracingPolicyNamespaced
        metadata:
          name: fetch-connect
          namespace: acme
          annotations:
            hangar.dev/rules: acme/deny-loopback
        spec:
          podSelector:
            matchLabels:
              hangar.dev/server: fetch
          kprobes:
          - call: security_socket_connect
            syscall: false
            args:
            - index: 0
              type: socket
            - index: 1
              type: sockaddr
            selectors:
            - matchArgs:
              - index: 1
                operator: SAddr
                values: [127.0.0.0/8, 0.0.0.0/8, ::1/128, ::/128, "::ffff:127.0.0.0/104", "::ffff:0.0.0.0/104"]
              matchActions:
              - action: Override
                argError: -1
        """;

    // Modelled on examples/tracingpolicy/tcp-connect-only-private-addrs.yaml.
    private const string TcpConnectAllowlist = """
        apiVersion: cilium.io/v1alpha1
        kind: TracingPolicy
        metadata:
          name: connect-only-private-addrs
        spec:
          kprobes:
          - call: tcp_connect
            syscall: false
            args:
            - index: 0
              type: sock
            selectors:
            - matchArgs:
              - index: 0
                operator: NotDAddr
                values: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 127.0.0.0/8]
              matchActions:
              - action: Sigkill
        """;

    private static Verdict Judge(ConnectEvent connect, string yaml, NuGetVersion? version = null, SourceProcess? source = null) =>
        new TetragonEvaluator(version ?? V15).Evaluate(connect, source ?? AcmeFetch, ManifestReader.ReadYaml(yaml));

    // Fails loudly when a test's edit no longer applies, so that no test silently checks the unedited policy.
    private static string Edit(string yaml, string find, string replacement)
    {
        Assert.Contains(find, yaml);
        return yaml.Replace(find, replacement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:3000")]
    [InlineData("127.1.2.3:3000")]
    [InlineData("0.0.0.0:3000")]
    [InlineData("[::1]:3000")]
    [InlineData("[::]:3000")]
    [InlineData("[::ffff:127.0.0.1]:3000")]
    [InlineData("[::ffff:0.0.0.0]:3000")]
    public void SocketConnectOverride_BlocksEveryLoopbackSpelling(string endpoint)
    {
        var verdict = Judge(Connect(endpoint), SocketConnectDeny);

        Assert.Equal(Outcome.Blocked, verdict.Outcome);
        Assert.Equal(["acme/deny-loopback"], verdict.RuleIds);
        Assert.Equal(["TracingPolicyNamespaced acme/fetch-connect"], verdict.Objects);
    }

    [Fact]
    public void SocketConnectOverride_LetsOtherAddressesThrough()
    {
        Assert.Equal(Outcome.Allowed, Judge(Connect("93.184.216.34:443"), SocketConnectDeny).Outcome);
    }

    [Fact]
    public void SocketConnect_SeesUdpToo()
    {
        Assert.Equal(Outcome.Blocked, Judge(Connect("127.0.0.53:53", Protocol.Udp), SocketConnectDeny).Outcome);
    }

    [Fact]
    public void MappedLoopbackWithoutMappedValues_SlipsThrough()
    {
        var v4Only = Edit(SocketConnectDeny, ", \"::ffff:127.0.0.0/104\", \"::ffff:0.0.0.0/104\"", "");

        Assert.Equal(Outcome.Allowed, Judge(Connect("[::ffff:127.0.0.1]:3000"), v4Only).Outcome);
    }

    [Fact]
    public void MappedCidrOnTetragon14_PolicyIsNotLoaded()
    {
        var verdict = Judge(Connect("127.0.0.1:3000"), SocketConnectDeny, new NuGetVersion(1, 4, 0));

        Assert.Equal(Outcome.NotCovered, verdict.Outcome);
        Assert.Contains("not loaded", verdict.Reason);
    }

    [Fact]
    public void OtherNamespace_IsNotSelected()
    {
        var source = AcmeFetch with { Namespace = "globex" };

        Assert.Equal(Outcome.NotCovered, Judge(Connect("127.0.0.1:3000"), SocketConnectDeny, source: source).Outcome);
    }

    [Fact]
    public void PodSelectorMismatch_IsNotSelected()
    {
        Assert.Equal(Outcome.NotCovered, Judge(Connect("127.0.0.1:3000"), Edit(SocketConnectDeny, "server: fetch", "server: git")).Outcome);
    }

    [Fact]
    public void MonitorMode_OnlyDetects()
    {
        var monitor = Edit(SocketConnectDeny, "spec:\n", "spec:\n  options:\n  - name: policy-mode\n    value: monitor\n");

        Assert.Equal(Outcome.DetectedOnly, Judge(Connect("127.0.0.1:3000"), monitor).Outcome);
    }

    [Fact]
    public void DAddrOnSockaddr_PolicyIsNotLoaded()
    {
        var verdict = Judge(Connect("127.0.0.1:3000"), Edit(SocketConnectDeny, "operator: SAddr", "operator: DAddr"));

        Assert.Equal(Outcome.NotCovered, verdict.Outcome);
        Assert.Contains("SAddr", verdict.Reason);
    }

    [Theory]
    [InlineData("8.8.8.8:443", Outcome.Blocked)]
    [InlineData("10.1.2.3:443", Outcome.Allowed)]
    [InlineData("0.0.0.0:443", Outcome.Allowed)]
    public void TcpConnectNotDAddr_KillsOutsideTheList(string endpoint, Outcome expected)
    {
        Assert.Equal(expected, Judge(Connect(endpoint), TcpConnectAllowlist).Outcome);
    }

    [Fact]
    public void TcpConnectNotDAddr_Ipv6WithoutV6Values_IsBlockedSince15()
    {
        Assert.Equal(Outcome.Blocked, Judge(Connect("[2001:db8::1]:443"), TcpConnectAllowlist, V15).Outcome);
    }

    [Fact]
    public void TcpConnectNotDAddr_Ipv6WithoutV6Values_SlipsPastBefore15()
    {
        Assert.Equal(Outcome.Allowed, Judge(Connect("[2001:db8::1]:443"), TcpConnectAllowlist, new NuGetVersion(1, 4, 0)).Outcome);
    }

    [Fact]
    public void TcpConnect_DoesNotSeeUdp()
    {
        Assert.Equal(Outcome.NotCovered, Judge(Connect("8.8.8.8:53", Protocol.Udp), TcpConnectAllowlist).Outcome);
    }

    [Fact]
    public void OverrideOnTcpConnect_PolicyIsNotLoaded()
    {
        var verdict = Judge(Connect("8.8.8.8:443"), Edit(TcpConnectAllowlist, "action: Sigkill", "action: Override\n        argError: -1"));

        Assert.Equal(Outcome.NotCovered, verdict.Outcome);
        Assert.Contains("Override", verdict.Reason);
    }

    [Fact]
    public void FirstMatchingSelector_DecidesTheAction()
    {
        var yaml = Edit(SocketConnectDeny, "    selectors:\n",
            "    selectors:\n    - matchBinaries:\n      - operator: In\n        values: [/usr/bin/curl]\n"
            + "      matchActions:\n      - action: NoPost\n");

        Assert.Equal(Outcome.Allowed, Judge(Connect("127.0.0.1:3000"), yaml, source: AcmeFetch.WithBinary("/usr/bin/curl")).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(Connect("127.0.0.1:3000"), yaml).Outcome);
    }

    [Theory]
    [InlineData("In", "/usr/local/bin/mcp-server-fetch", Outcome.Blocked)]
    [InlineData("In", "/usr/bin/git", Outcome.Allowed)]
    [InlineData("NotIn", "/usr/bin/git", Outcome.Blocked)]
    [InlineData("Prefix", "/usr/local/", Outcome.Blocked)]
    [InlineData("Postfix", "-fetch", Outcome.Blocked)]
    [InlineData("NotPostfix", "-fetch", Outcome.Allowed)]
    public void MatchBinaries_AreAndedWithMatchArgs(string op, string value, Outcome expected)
    {
        var yaml = Edit(SocketConnectDeny, "    - matchArgs:\n",
            $"    - matchBinaries:\n      - operator: {op}\n        values: [\"{value}\"]\n      matchArgs:\n");

        Assert.Equal(expected, Judge(Connect("127.0.0.1:3000"), yaml).Outcome);
    }

    [Theory]
    [InlineData("80", 80, true)]
    [InlineData("8000:8999", 8443, true)]
    [InlineData("8000:8999", 9000, false)]
    public void SPortOnSockaddr_MatchesTheDestinationPort(string value, int port, bool blocked)
    {
        var yaml = Edit(SocketConnectDeny, "      matchActions:",
            $"      - index: 1\n        operator: SPort\n        values: [\"{value}\"]\n      matchActions:");

        Assert.Equal(blocked ? Outcome.Blocked : Outcome.Allowed, Judge(Connect($"127.0.0.1:{port}"), yaml).Outcome);
    }

    [Fact]
    public void UpstreamExample_TcpConnectOnlyPrivateAddrs_KillsPublicDestinations()
    {
        var yaml = File.ReadAllText(Upstream.File("tetragon/examples/tcp-connect-only-private-addrs.yaml"));

        Assert.Equal(Outcome.Blocked, Judge(Connect("93.184.216.34:443"), yaml).Outcome);
        Assert.Equal(Outcome.Allowed, Judge(Connect("192.168.1.10:443"), yaml).Outcome);
    }

    [Fact]
    public void UpstreamExample_SocketConnectBlockOthers_OverridesCurlElsewhere()
    {
        var yaml = File.ReadAllText(Upstream.File("tetragon/examples/security-socket-connect-block-others.yaml"));
        var curl = AcmeFetch.WithBinary("/usr/bin/curl");

        Assert.Equal(Outcome.DetectedOnly, Judge(Connect("192.168.1.1:80"), yaml, source: curl).Outcome);
        Assert.Equal(Outcome.Blocked, Judge(Connect("192.168.1.2:80"), yaml, source: curl).Outcome);
        Assert.Equal(Outcome.Allowed, Judge(Connect("192.168.1.2:80"), yaml).Outcome);
    }
}
