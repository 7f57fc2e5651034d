namespace Hangar.Policy.Networking;

/// <summary>
/// The addresses of cloud instance-metadata and credential services, in IPv4 and IPv6.
/// </summary>
/// <remarks>
/// With every provider selected the blanket link-local ranges (169.254.0.0/16, fe80::/10) are denied, which
/// also covers metadata services not listed by name. Narrowing to named providers denies only their
/// endpoints; use that when pods must keep reaching another link-local service.
/// </remarks>
public static class CloudMetadataDestinations
{
    private static readonly IpCidr Imds = IpCidr.Parse("169.254.169.254/32");

    /// <summary>The destinations denied for <paramref name="providers"/>, sorted and without duplicates.</summary>
    public static IReadOnlyList<IpCidr> For(CloudProvider providers)
    {
        var set = new SortedSet<IpCidr>();
        if (providers == CloudProvider.All)
        {
            Add(set, "169.254.0.0/16", "fe80::/10");
        }

        if (providers.HasFlag(CloudProvider.Aws))
            Add(set, "169.254.169.254/32", "169.254.170.2/32", "169.254.170.23/32", "fd00:ec2::254/128", "fd00:ec2::23/128");
        if (providers.HasFlag(CloudProvider.Gcp))
            Add(set, "169.254.169.254/32", "fd20:ce::254/128");
        if (providers.HasFlag(CloudProvider.Azure))
            Add(set, "169.254.169.254/32", "168.63.129.16/32");
        if (providers.HasFlag(CloudProvider.Alibaba))
            Add(set, "100.100.100.200/32");
        if (providers.HasFlag(CloudProvider.Oracle))
            Add(set, "169.254.169.254/32", "192.0.0.192/32", "fd00:c1::a9fe:a9fe/128");
        if ((providers & (CloudProvider.DigitalOcean | CloudProvider.OpenStack | CloudProvider.Hetzner)) != 0)
            set.Add(Imds);

        if (providers == CloudProvider.All)
        {
            // The blanket ranges already hold the link-local endpoints; keep only what lies outside them.
            set.RemoveWhere(c => !c.Equals(Blanket4) && !c.Equals(Blanket6) && (Blanket4.Contains(c) || Blanket6.Contains(c)));
        }
        return [.. set];
    }

    private static readonly IpCidr Blanket4 = IpCidr.Parse("169.254.0.0/16");
    private static readonly IpCidr Blanket6 = IpCidr.Parse("fe80::/10");

    private static void Add(SortedSet<IpCidr> set, params string[] cidrs)
    {
        foreach (var cidr in cidrs)
            set.Add(IpCidr.Parse(cidr));
    }
}
