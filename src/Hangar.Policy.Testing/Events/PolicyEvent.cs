namespace Hangar.Policy.Testing.Events;

/// <summary>Something a process of an MCP server does that a policy may judge: a connect, an exec, a file open, ….</summary>
/// <param name="Source">Who acts: the workspace, server, tool and executable.</param>
public abstract record PolicyEvent(EventSource Source);
