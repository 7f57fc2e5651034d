namespace Hangar.Policy.Hosting.Registry;

/// <summary>A server whose tools could not be captured; the message says why and what to check.</summary>
public sealed class ToolCaptureException(string message, Exception? inner = null) : Exception(message, inner);
