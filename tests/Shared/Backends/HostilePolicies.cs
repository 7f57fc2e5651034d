using CsCheck;
using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.TestSupport;

/// <summary>Random policies whose names and paths are built from quotes, backslashes, newlines, YAML specials and unicode.</summary>
internal static class HostilePolicies
{
    // Mostly characters a path may legally hold (quotes, backslashes, YAML specials, unicode); a few the SDK refuses.
    private static readonly string[] Pieces =
    [
        "a", "git", "bin", "usr", "a", "git", "bin", "usr", "\"", "\\", "'", ": ", "#", "&x", "!", "|", " ", "é", "中",
        "😀", "\u202e", "yes", "null", "~", "%", "@", "`", "-", "$(id)", "\\\\", "x\\", ",", "(", ")", "=",
        "\n", "*",
    ];

    private static readonly string[] Names =
        ["acme", "git", "fetch", "n0", "acme", "git", "fetch", "n0", "acme", "git", "fetch", "n0", "Acme", "a b", "acme\n", "x\"y"];

    private static readonly string[] ToolNames = ["git_log", "fetch", "x.y-z", "read_file", "a b", "t\"", "ü"];

    private static readonly string[] Capabilities =
        ["NET_RAW", "bpf", "cap_sys_admin", "SYSLOG", "NET RAW", "x\"", "net_raw\n", "ü", "SYS_PTRACE"];

    private static readonly string[] Syscalls = ["ptrace", "clone3", "mount", "openat2", "Ptrace", "a\nb", "x\"", "unshare"];

    private static readonly Gen<string> Segment = Gen.OneOf(Pieces).Array[1, 4].Select(p => string.Concat(p));

    /// <summary>An absolute-looking path of hostile segments, sometimes a directory, sometimes relative.</summary>
    public static readonly Gen<string> Path = Gen.Select(Segment.Array[1, 4], Gen.Int[0, 9], (segments, shape) =>
        (shape == 0 ? "" : "/") + string.Join("/", segments) + (shape is 1 or 2 ? "/" : ""));

    /// <summary>
    /// Builds a policy from the generated pieces; a definition error (the SDK refusing a bad value) is returned as null.
    /// </summary>
    public static readonly Gen<PolicySet?> Policy = Gen.Select(
        Gen.OneOf(Names), Gen.OneOf(Names), Gen.OneOf(ToolNames), Path.Array[1, 3], Gen.Int[0, 13],
        (workspace, server, tool, paths, shape) =>
        {
            var (verb, atTool) = (shape % 7, shape >= 7);
            try
            {
                return PolicySet.Named("hostile").Workspace(workspace, ws => ws.Server(server, s =>
                {
                    if (atTool)
                        s.Tool(tool, t => Apply(t.RunsAs(paths[0].TrimEnd('/') is { Length: > 0 } b ? b : "/x"), verb, paths));
                    else
                        Apply(s, verb, paths);
                })).Build();
            }
            catch (Validation.PolicyDefinitionException)
            {
                return null;
            }
        });

    private static void Apply<TSelf>(TSelf scope, int verb, string[] paths) where TSelf : ScopeBuilder<TSelf>
    {
        switch (verb)
        {
            case 0: scope.DenyExec(paths); break;
            case 1: scope.AllowExec(paths); break;
            case 2: scope.DenyFileRead(paths); break;
            case 3: scope.DenyFileWrite(paths); break;
            case 4: scope.DenyFileWritesOutside(paths); break;
            case 5: scope.DenyCapability(paths.Select(p => Capabilities[p.Length % Capabilities.Length]).ToArray()); break;
            default: scope.AuditSyscall(paths.Select(p => Syscalls[p.Length % Syscalls.Length]).ToArray()); break;
        }
    }
}
