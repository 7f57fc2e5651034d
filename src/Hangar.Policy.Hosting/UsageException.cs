namespace Hangar.Policy.Hosting;

/// <summary>
/// A mistake in how the command was called (an unknown engine, an unreadable config, an unusable output
/// folder), as opposed to a mistake in the policy. Commands end with <see cref="ExitCodes.UsageError"/>.
/// </summary>
/// <param name="message">What is wrong, naming the value, and what to do instead.</param>
public sealed class UsageException(string message) : Exception(message);
