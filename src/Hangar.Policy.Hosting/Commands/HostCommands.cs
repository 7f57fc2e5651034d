namespace Hangar.Policy.Hosting.Commands;

/// <summary>The verbs every policy project gets. Adding a verb: one class, one line here.</summary>
public static class HostCommands
{
    /// <summary>The built-in verbs, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<IHostCommand> BuiltIn() =>
    [
        new EmitCommand(),
        new CoverageCommand(),
        new ValidateCommand(),
        new ExplainCommand(),
        new EnginesCommand(),
        new RegistryCommand(),
        new DetectCommand(),
        new DiffCommand(),
        new ApplyCommand(),
    ];
}
