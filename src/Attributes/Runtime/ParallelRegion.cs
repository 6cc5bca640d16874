using System.Threading;

namespace AutoParallel;

/// <summary>
/// One parallel loop while it runs: <see cref="Workers"/> threads call <see cref="Work"/> with their index (0 is the thread
/// that started the loop). The non-generic face of <c>ChunkScheduler.Region&lt;TBody, TAccumulator&gt;</c>, so that
/// <see cref="WorkerPool"/> threads can run any loop without a delegate per call.
/// </summary>
internal abstract class ParallelRegion
{
    /// <summary>Threads that run this region, the calling thread included.</summary>
    public int Workers { get; protected set; }

    /// <summary>The calling thread's execution context (culture, <c>AsyncLocal</c> values), which the workers run under, as
    /// <c>Parallel.For</c> does; <see langword="null"/> when flow is suppressed.</summary>
    public ExecutionContext? Context { get; protected set; }

    /// <summary>Which start of the <see cref="WorkerPool"/> team this is (set by the team when it publishes the region).</summary>
    public long Generation { get; set; }

    /// <summary>Runs worker <paramref name="worker"/>'s share: claims grains until none are left. Never throws (a body's
    /// exception is recorded for the calling thread to rethrow).</summary>
    public abstract void Work(int worker);
}
