using System.Text.Json.Nodes;
using Hangar.Policy.Testing.Events;
using Hangar.Policy.Testing.Verdicts;

namespace Hangar.Policy.Testing.Evaluation;

/// <summary>
/// Decides what one engine does with an event, from the objects emitted for it, following the engine's
/// documented semantics. An evaluator reads the objects only: it knows nothing of how they were produced.
/// </summary>
public interface IObjectEvaluator
{
    /// <summary>The backend whose objects this evaluator reads, e.g. <c>networkpolicy</c>.</summary>
    string Backend { get; }

    /// <summary>What the engine does with <paramref name="connect"/> made by <paramref name="source"/>.</summary>
    Verdict Evaluate(ConnectEvent connect, SourceProcess source, IReadOnlyList<JsonObject> objects);

    /// <summary>
    /// What the engine does with the process event <paramref name="processEvent"/> (exec, file open, capability,
    /// socket, system call) made by <paramref name="source"/>. By default the engine does not see process events.
    /// </summary>
    Verdict Evaluate(ProcessEvent processEvent, SourceProcess source, IReadOnlyList<JsonObject> objects) =>
        new(Backend, Outcome.NotCovered, [], [], $"{Backend} does not see process events");
}
