using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace McpWorkspace;

/// <summary>
/// The policy of workspace "acme", which runs four real MCP servers: fetch (reads any URL it is given, so it is
/// the SSRF-prone one), filesystem, git, and GitHub's MCP server.
/// </summary>
public static class AcmeWorkspace
{
    /// <summary>
    /// GitHub's published API ranges: the <c>api</c> key of https://api.github.com/meta when this example was
    /// written. GitHub changes them from time to time; refresh the list from there.
    /// </summary>
    public static readonly string[] GitHubApiRanges =
    [
        "140.82.112.0/20",
        "143.55.64.0/20",
        "185.199.108.0/22",
        "192.30.252.0/22",
        "2606:50c0::/32",
        "2a0a:a440::/29",
    ];

    /// <summary>The whole policy set.</summary>
    public static PolicySet Build() => PolicySet.Named("acme-mcp")
        .Workspace("acme", acme => acme
            // CVE-2026-44284: an MCP server URL stored as http://localhost:3000 was later opened by a workflow,
            // reaching a service that trusted its own loopback. No server here needs its pod's loopback.
            .DenyLoopback()
            // Instance metadata hands out cloud credentials: 169.254.169.254, fd00:ec2::254 and every other
            // provider's endpoint, with the whole link-local ranges.
            .DenyCloudMetadata()
            // Pods, services and the Kubernetes API of the cluster (cluster DNS stays reachable), pods of other
            // workspaces, and the corporate network: none is a destination a tool call should reach.
            .DenyClusterInternal()
            .DenyLateral()
            .DenyCorporateNetwork()
            // Process level (kernel engines): no server reads the pod's Kubernetes credentials, and nothing runs
            // from the scratch folders where a downloaded payload would land.
            .DenyFileRead("/var/run/secrets/kubernetes.io/serviceaccount/")
            .DenyExec("/tmp/", "/dev/shm/")
            // No tool needs to craft packets or administer the node, even where an image grants the capability.
            .DenyCapability("NET_RAW", "SYS_ADMIN")

            // fetch follows any URL a model hands it: public web on 80/443 only, everything else denied.
            .Server("fetch", fetch => fetch
                .WithToolManifest(Manifest("fetch"))
                .DefaultDenyEgress()
                .AllowEgress("0.0.0.0/0", Ports.Tcp(80, 443))
                .AllowEgress("::/0", Ports.Tcp(80, 443))
                // Shared address space (carrier-grade NAT, VPN overlays) is not public web either.
                .Tool("fetch", tool => tool.DenyCidr("100.64.0.0/10")))

            // filesystem works on the files mounted under /projects: no network but cluster DNS, and no writes
            // elsewhere even if a path check of the server is bypassed (a symlink, a look-alike prefix).
            .Server("filesystem", filesystem => filesystem
                .WithToolManifest(Manifest("filesystem"))
                .DefaultDenyEgress()
                .DenyFileWritesOutside("/projects/", "/tmp/"))

            // git works on local repositories under /projects: no network, so an injected argument cannot make git
            // reach a remote. Its tools run /usr/bin/git, which kernel-level engines match: an option smuggled
            // into a revision or branch argument (such as --output=PATH) must not let git write outside the
            // repositories either.
            .Server("git", git => git
                .WithToolManifest(Manifest("git"))
                .DefaultDenyEgress()
                // The server may start git and nothing else (its own entrypoint and interpreter aside), so an
                // injected option such as --upload-pack or core.sshCommand cannot run another program.
                .AllowExec("/usr/bin/git", "/usr/lib/git-core/", "/usr/local/bin/mcp-server-git", "/usr/local/bin/python3")
                .Tool("git_checkout", tool => tool.RunsAs("/usr/bin/git").DenyFileWritesOutside("/projects/"))
                .Tool("git_diff", tool => tool.RunsAs("/usr/bin/git").DenyFileWritesOutside("/projects/"))
                .Tool("git_log", tool => tool.RunsAs("/usr/bin/git"))
                .Tool("git_show", tool => tool.RunsAs("/usr/bin/git")))

            // GitHub's MCP server talks to the GitHub API only: its published ranges, HTTPS only.
            .Server("github", github => github
                .WithToolManifest(Manifest("github"))
                .DefaultDenyEgress()
                .AllowEgress(GitHubApiRanges, Ports.Tcp(443))))
        .Build();

    // The manifests are copied beside the build output, so the path holds whatever the working directory.
    private static string Manifest(string server) => Path.Combine(AppContext.BaseDirectory, "manifests", $"{server}.tools.json");
}
