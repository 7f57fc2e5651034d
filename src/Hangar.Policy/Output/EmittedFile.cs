namespace Hangar.Policy.Output;

/// <summary>A file a backend emitted that is not a Kubernetes object (e.g. a Falco rules file).</summary>
/// <param name="Backend">The backend that emitted it.</param>
/// <param name="FileName">The file name, relative to the backend's folder.</param>
/// <param name="Content">The file's text.</param>
public sealed record EmittedFile(string Backend, string FileName, string Content);
