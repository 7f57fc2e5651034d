namespace Hangar.Policy.Hosting.Output;

/// <summary>What <see cref="OutputFolder.Write"/> did besides writing the new generation.</summary>
/// <param name="StaleRemoved">Files of the previous generation that are gone (no longer emitted).</param>
/// <param name="LeftoversRemoved">
/// Hidden staging or set-aside folders of an earlier, interrupted write beside the folder that were removed,
/// by path.
/// </param>
public sealed record OutputWrite(int StaleRemoved, IReadOnlyList<string> LeftoversRemoved);
