using System.CommandLine;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>One verb of the policy command line (<c>emit</c>, <c>coverage</c>, …).</summary>
/// <remarks>
/// A new verb is one class implementing this interface (usually through <see cref="HostCommand"/>) and one line
/// in <see cref="HostCommands.BuiltIn"/>; a project can add its own through <see cref="HangarHostOptions.ExtraCommands"/>.
/// </remarks>
public interface IHostCommand
{
    /// <summary>Creates the System.CommandLine command, its options and its action, bound to <paramref name="host"/>.</summary>
    Command Create(HostContext host);
}
