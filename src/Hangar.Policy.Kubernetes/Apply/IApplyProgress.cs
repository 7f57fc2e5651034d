namespace Hangar.Policy.Kubernetes.Apply;

/// <summary>Receives progress while a batch is applied (e.g. to draw a progress line on a terminal).</summary>
public interface IApplyProgress
{
    /// <summary>Called once per object acted on; <paramref name="done"/> of <paramref name="total"/> are finished.</summary>
    void Report(int done, int total, ObjectResult latest);

    /// <summary>Called once when the batch is finished.</summary>
    void Complete();
}
