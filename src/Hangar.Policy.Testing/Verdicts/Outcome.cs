namespace Hangar.Policy.Testing.Verdicts;

/// <summary>What happens to an event, from the most to the least restrictive.</summary>
public enum Outcome
{
    /// <summary>The event is stopped.</summary>
    Blocked,

    /// <summary>The event goes through and is reported (an audit rule, a monitor-mode policy, a detect-only engine).</summary>
    DetectedOnly,

    /// <summary>Objects that concern the event let it through.</summary>
    Allowed,

    /// <summary>The engine does not see the event, or none of its objects concerns it: it goes through unnoticed.</summary>
    NotCovered,
}
