using System.CommandLine;

namespace Hangar.Policy.Hosting.Commands;

/// <summary>
/// The shape most verbs share: a name, a description, options, and an action returning an exit code.
/// A <see cref="UsageException"/> thrown by the action prints as one error line and exits with
/// <see cref="ExitCodes.UsageError"/>.
/// </summary>
public abstract class HostCommand : IHostCommand
{
    /// <summary>The verb, e.g. <c>emit</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    public abstract string Description { get; }

    /// <inheritdoc />
    public Command Create(HostContext host)
    {
        var command = new Command(Name, Description);
        AddOptions(command);
        command.SetAction(parse =>
        {
            try
            {
                return Execute(parse, host);
            }
            catch (UsageException e)
            {
                host.Error.WriteLine($"error: {InputText.Escape(e.Message)}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    /// <summary>Adds the verb's options and arguments to <paramref name="command"/>.</summary>
    protected abstract void AddOptions(Command command);

    /// <summary>Runs the verb and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    protected abstract int Execute(ParseResult parse, HostContext host);
}
