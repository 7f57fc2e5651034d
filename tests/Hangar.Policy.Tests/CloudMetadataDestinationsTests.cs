using Hangar.Policy.Networking;

namespace Hangar.Policy.Tests;

public sealed class CloudMetadataDestinationsTests
{
    [Fact]
    public void All_CoversLinkLocalBlanketsAndEndpointsOutsideThem()
    {
        var all = CloudMetadataDestinations.For(CloudProvider.All).Select(c => c.ToString()).ToList();

        Assert.Equal(
            ["100.100.100.200/32", "168.63.129.16/32", "169.254.0.0/16", "192.0.0.192/32",
             "fd00:c1::a9fe:a9fe/128", "fd00:ec2::23/128", "fd00:ec2::254/128", "fd20:ce::254/128", "fe80::/10"],
            all);
    }

    [Fact]
    public void Aws_DeniesImdsEcsAndPodIdentityInBothFamilies()
    {
        var aws = CloudMetadataDestinations.For(CloudProvider.Aws).Select(c => c.ToString());

        Assert.Equal(["169.254.169.254/32", "169.254.170.2/32", "169.254.170.23/32", "fd00:ec2::23/128", "fd00:ec2::254/128"], aws);
    }

    [Fact]
    public void EveryNamedProvider_IncludesTheImdsAddressExceptAlibaba()
    {
        foreach (var provider in Enum.GetValues<CloudProvider>()
            .Where(p => p is not (CloudProvider.None or CloudProvider.All or CloudProvider.Alibaba)))
            Assert.Contains(CloudMetadataDestinations.For(provider), c => c.Contains(System.Net.IPAddress.Parse("169.254.169.254")));
    }
}
