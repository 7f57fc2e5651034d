namespace Hangar.Policy.Testing.Events;

/// <summary>
/// An event judged by the process-level rules (exec, file, capability, socket and system-call rules) rather than
/// the egress rules. The acting process is <see cref="PolicyEvent.Source"/>: its executable is the one a tool's
/// rules are scoped to.
/// </summary>
/// <param name="Source">Who acts.</param>
public abstract record ProcessEvent(EventSource Source) : PolicyEvent(Source);
