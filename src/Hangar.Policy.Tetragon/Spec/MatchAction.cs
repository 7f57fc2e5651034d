using Hangar.Policy.Output;

namespace Hangar.Policy.Tetragon.Spec;

/// <summary>One <c>matchActions</c> entry.</summary>
internal sealed record MatchAction(string Action, int? ArgError = null)
{
    /// <summary>Reports the event and does nothing else: what audit rules use.</summary>
    public static MatchAction Post { get; } = new("Post");

    /// <summary>Makes the hooked function return -EPERM, so the call fails without killing the process.</summary>
    public static MatchAction OverrideEperm { get; } = new("Override", -1);

    /// <summary>Kills the calling process; the only blocking action on functions that cannot be overridden.</summary>
    public static MatchAction Sigkill { get; } = new("Sigkill");

    /// <summary>True for an action that stops the operation.</summary>
    public bool Blocks => Action is "Override" or "Sigkill";

    public ObjectNode ToNode()
    {
        var node = new ObjectNode { ["action"] = Action };
        if (ArgError is { } error)
            node["argError"] = error;
        return node;
    }
}
