namespace Hangar.Policy.Hosting;

/// <summary>The exit codes of every command of the policy command line.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The policy has errors (definition or compilation); they are printed and nothing is written.</summary>
    public const int PolicyErrors = 1;

    /// <summary>The command line or its inputs are wrong: a bad flag, an unknown engine, an unreadable config.</summary>
    public const int UsageError = 2;
}
