using System;

namespace AutoParallel;

/// <summary>
/// What the generator knows about one parallel loop, handed to <see cref="ParallelRuntime"/> on every call: the clauses of
/// <see cref="ParalleliseAttribute"/> and the generator's estimate of one iteration's cost.
/// </summary>
/// <remarks>A small readonly struct built from constants at the call site; creating it costs nothing.</remarks>
public readonly struct LoopOptions
{
    /// <summary>Creates the options of one loop.</summary>
    /// <param name="schedule">How chunks are handed to threads.</param>
    /// <param name="chunkSize">Iterations per chunk; 0: chosen by the runtime.</param>
    /// <param name="maxDegreeOfParallelism">0: the runtime's thread count; n &gt; 0: at most n; n &lt; 0: joblib style.</param>
    /// <param name="minIterations">Below this many iterations, run sequentially; 0: derived from <paramref name="costPerIteration"/>.</param>
    /// <param name="costPerIteration">The generator's estimate of one iteration's work, in nanoseconds (roughly, simple operations).</param>
    /// <param name="ordered">
    /// Partial results must be combined in iteration order over chunks whose boundaries do not depend on the thread count
    /// (deterministic floating-point reductions). <see langword="false"/> when there is nothing to reduce, or when every reduction
    /// is exact in any order (integers, min/max, bitwise), or when the user set <c>Deterministic = false</c>.
    /// </param>
    public LoopOptions(
        Schedule schedule = Schedule.Auto,
        long chunkSize = 0,
        int maxDegreeOfParallelism = 0,
        long minIterations = 0,
        double costPerIteration = 1,
        bool ordered = false)
    {
        if (chunkSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "A chunk size cannot be negative.");
        }

        if (minIterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minIterations), minIterations, "A minimum iteration count cannot be negative.");
        }

        Schedule = schedule;
        ChunkSize = chunkSize;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        MinIterations = minIterations;
        CostPerIteration = costPerIteration > 0 && !double.IsNaN(costPerIteration) ? costPerIteration : 1;
        Ordered = ordered;
        OneChunkBelow = OneChunkBound(schedule, chunkSize, minIterations, CostPerIteration, ordered);
    }

    /// <summary>How chunks are handed to threads.</summary>
    public Schedule Schedule { get; }

    /// <summary>Iterations per chunk; 0: chosen by the runtime.</summary>
    public long ChunkSize { get; }

    /// <summary>0: the runtime's thread count; n &gt; 0: at most n; n &lt; 0: cores + 1 + n.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Below this many iterations the loop runs sequentially; 0: derived from <see cref="CostPerIteration"/>.</summary>
    public long MinIterations { get; }

    /// <summary>Estimated nanoseconds of work per iteration.</summary>
    public double CostPerIteration { get; }

    /// <summary>Partial results are combined in chunk order over thread-count-independent chunks.</summary>
    public bool Ordered { get; }

    /// <summary>
    /// Loops of fewer iterations run as one chunk on the calling thread, without a plan: they are below the parallel threshold,
    /// and (when ordered) they fit in one grain, so the result is the one the chunked path gives.
    /// </summary>
    internal long OneChunkBelow { get; }

    private static long OneChunkBound(Schedule schedule, long chunkSize, long minIterations, double cost, bool ordered)
    {
        long sequentialBelow = Math.Max(minIterations > 0 ? minIterations : (long)Math.Ceiling(ChunkPlan.ParallelThresholdNs / cost), 2);
        if (!ordered)
        {
            return sequentialBelow;
        }

        long oneGrain = chunkSize > 0 ? chunkSize : schedule is Schedule.Dynamic or Schedule.Guided ? 1 : ChunkPlan.WorkGrainSize(cost);
        return Math.Min(sequentialBelow, oneGrain + 1);
    }
}
