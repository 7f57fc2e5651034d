using Hangar.Policy.Networking;
using Hangar.Policy.Analyzers.Checks;

namespace Hangar.Policy.Analyzers.Tests;

/// <summary>The analyzer must reject exactly the CIDRs the run-time parser rejects, and offer the same network.</summary>
public sealed class CidrAgreementTests
{
    public static TheoryData<string> Spellings =>
    [
        "10.0.0.0/8", "10.0.0.1/8", "10.0.0.1", "010.0.0.1", "10.0.0.0/08", "10.0.0.0/33", "10.0.0.0/", "1", "0x7f.1",
        "0.0.0.0/0", "::/0", "::1", "fd00::/8", "FD00::/8", "fd00:0:0::/48", "fd00::1/8", "::ffff:10.0.0.0/104",
        "fe80::1%eth0", "2606:50c0::/32", "2606:50C0::/32", "169.254.169.254", "169.254.169.254/32", "", " ", "abc",
        "192.168.1.0/24", "192.168.1.1/24", "::ffff:7f00:0/104", "fd00:ec2::254/128", "1.2.3.4/0", "::a00:1",
            "::10.0.0.1", "::a00:0/104", "::2/128",
    ];

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Analyzer_AndRunTimeParser_AgreeOnValidity(string text)
    {
        var runTime = IpCidr.TryParse(text, out _, out _);

        var compileTime = CidrText.IsValid(text, out _, out _);

        Assert.Equal(runTime, compileTime);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Analyzer_OfferedCanonicalForm_IsAcceptedAtRunTime(string text)
    {
        CidrText.IsValid(text, out _, out var canonical);

        if (canonical is not null)
            Assert.True(IpCidr.TryParse(canonical, out _, out var problem), problem);
    }
}
