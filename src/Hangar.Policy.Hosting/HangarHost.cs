using System.CommandLine;
using Hangar.Policy.Hosting.Commands;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting;

/// <summary>
/// The command line of a <c>dotnet run</c> policy project:
/// <code>return HangarHost.Run(args, () => AcmePolicies.Acme());</code>
/// gives the project the verbs of <see cref="HostCommands.BuiltIn"/> (<c>validate</c>, <c>coverage</c>, <c>explain</c>,
/// <c>emit</c>, <c>apply</c>, …). Exit codes: 0 success,
/// 1 policy errors, 2 usage errors (see <see cref="ExitCodes"/>).
/// </summary>
public static class HangarHost
{
    /// <summary>
    /// Runs the command line for the policies of <see cref="HangarPolicyCatalog"/>: every static member marked
    /// <c>[HangarPolicy]</c> (listed by the source generator) and every set passed to
    /// <see cref="HangarPolicyCatalog.Register"/>. An empty catalog is a usage error.
    /// </summary>
    public static int Run(string[] args, HangarHostOptions? options = null) => Run(args, HangarPolicyCatalog.Policies, options);

    /// <summary>Runs the command line for catalog entries (see <see cref="HangarPolicyCatalog"/>).</summary>
    public static int Run(string[] args, IEnumerable<PolicyRegistration> policies, HangarHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return Run(args, policies.Select(p => new PolicySource(p.Source, p.Build)), options);
    }

    /// <summary>Runs the command line for one policy set.</summary>
    public static int Run(string[] args, Func<PolicySet> policy, HangarHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Run(args, [PolicySource.From(policy)], options);
    }

    /// <summary>Runs the command line for several policy sets, compiled together into one output.</summary>
    public static int Run(string[] args, IEnumerable<Func<PolicySet>> policies, HangarHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return Run(args, policies.Select((p, i) => PolicySource.From(p, i + 1)), options);
    }

    /// <summary>Runs the command line for named policy sources (e.g. a generated catalog of policy methods).</summary>
    public static int Run(string[] args, IEnumerable<PolicySource> sources, HangarHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new HangarHostOptions();

        var host = new HostContext([.. sources], options);
        var root = CreateRootCommand(host);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            foreach (var error in parse.Errors)
                options.Error.WriteLine($"error: {error.Message}");
            options.Error.WriteLine($"Run with --help to see the verbs and their options.");
            return ExitCodes.UsageError;
        }
        return parse.Invoke(new InvocationConfiguration { Output = options.Out, Error = options.Error });
    }

    /// <summary>The root command with every built-in verb and the options' extra ones, bound to <paramref name="host"/>.</summary>
    public static RootCommand CreateRootCommand(HostContext host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var root = new RootCommand("Compile MCP workspace policies into Kubernetes objects for the selected engines.");
        foreach (var command in HostCommands.BuiltIn().Concat(host.Options.ExtraCommands))
            root.Subcommands.Add(command.Create(host));
        return root;
    }
}
