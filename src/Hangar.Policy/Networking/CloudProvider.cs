namespace Hangar.Policy.Networking;

/// <summary>Cloud providers whose instance-metadata endpoints <c>DenyCloudMetadata</c> knows.</summary>
[Flags]
public enum CloudProvider
{
    /// <summary>No provider.</summary>
    None = 0,
    /// <summary>AWS IMDS, ECS task metadata and EKS Pod Identity.</summary>
    Aws = 1,
    /// <summary>Google Cloud metadata server.</summary>
    Gcp = 2,
    /// <summary>Azure IMDS and WireServer.</summary>
    Azure = 4,
    /// <summary>Alibaba Cloud metadata (in the CGNAT range, not link-local).</summary>
    Alibaba = 8,
    /// <summary>Oracle OCI and Cloud@Customer.</summary>
    Oracle = 16,
    /// <summary>DigitalOcean droplet metadata.</summary>
    DigitalOcean = 32,
    /// <summary>OpenStack metadata service.</summary>
    OpenStack = 64,
    /// <summary>Hetzner Cloud metadata.</summary>
    Hetzner = 128,
    /// <summary>Every provider, plus the whole IPv4 and IPv6 link-local ranges.</summary>
    All = Aws | Gcp | Azure | Alibaba | Oracle | DigitalOcean | OpenStack | Hetzner,
}
