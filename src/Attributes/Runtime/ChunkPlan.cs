using System;

namespace AutoParallel;

/// <summary>
/// How one loop's iteration space is cut into chunks ("grains") and handed out. Everything that decides a reduction's
/// result (grain boundaries, combining order) is a function of the iteration count and the loop's options only, never of
/// the thread count: that is what makes <c>Deterministic = true</c> reductions reproducible.
/// </summary>
internal readonly struct ChunkPlan
{
    /// <summary>Below this much estimated work a loop runs sequentially: a parallel region costs a few microseconds.</summary>
    internal const double ParallelThresholdNs = 16_000;

    /// <summary>A grain should carry at least this much work, so claiming it (one interlocked add) is noise.</summary>
    private const double TargetGrainWorkNs = 4_000;

    /// <summary>Automatic grains: at most this many, thread-count independent; enough to balance uneven loops.</summary>
    private const long AutoGrainsPerLoop = 256;

    /// <summary>Automatic grains: at least this many in a loop above the parallel threshold.</summary>
    private const long MinAutoGrains = 64;

    /// <summary>Ordered reductions keep one partial result per grain until the end; this bounds that storage.</summary>
    private const long MaxOrderedGrains = 1 << 16;

    private ChunkPlan(long from, long to, long step, long count, long grainSize, Distribution distribution, bool ordered, long minIterations)
    {
        From = from;
        To = to;
        Step = step;
        Count = count;
        GrainSize = grainSize;
        GrainCount = count == 0 ? 0 : ((count - 1) / grainSize) + 1;
        Distribution = distribution;
        Ordered = ordered;
        MinIterations = minIterations;
    }

    /// <summary>First value of the loop variable.</summary>
    public long From { get; }

    /// <summary>The loop's exclusive bound (the last chunk ends here, so <c>From + Count · Step</c> never overflows).</summary>
    public long To { get; }

    /// <summary>Distance between consecutive values of the loop variable.</summary>
    public long Step { get; }

    /// <summary>Number of iterations.</summary>
    public long Count { get; }

    /// <summary>Iterations per grain (the last grain may be shorter).</summary>
    public long GrainSize { get; }

    public long GrainCount { get; }

    /// <summary>How grains reach workers.</summary>
    public Distribution Distribution { get; }

    /// <summary>One partial result per grain, combined in grain order (deterministic reductions).</summary>
    public bool Ordered { get; }

    /// <summary>Below this many iterations the loop runs sequentially.</summary>
    public long MinIterations { get; }

    public static ChunkPlan Create(long fromInclusive, long toExclusive, long step, in LoopOptions options)
    {
        if (step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A parallel loop's step must be positive.");
        }

        long count = CountIterations(fromInclusive, toExclusive, step);
        long minIterations = options.MinIterations > 0
            ? options.MinIterations
            : (long)Math.Ceiling(ParallelThresholdNs / options.CostPerIteration);
        return new ChunkPlan(
            fromInclusive, toExclusive, step, count, GrainSizeFor(count, options), DistributionFor(options), options.Ordered, Math.Max(minIterations, 2));
    }

    /// <summary>Iterations of <c>for (i = from; i &lt; to; i += step)</c>, without overflow.</summary>
    public static long CountIterations(long fromInclusive, long toExclusive, long step)
    {
        if (toExclusive <= fromInclusive)
        {
            return 0;
        }

        ulong span = unchecked((ulong)toExclusive - (ulong)fromInclusive);
        ulong count = ((span - 1) / (ulong)step) + 1;
        return count > long.MaxValue ? long.MaxValue : (long)count;
    }

    /// <summary>The loop-variable range <c>[from, to)</c> of grains <c>[firstGrain, endGrain)</c>.</summary>
    public void RangeOf(long firstGrain, long endGrain, out long fromInclusive, out long toExclusive)
    {
        long firstIteration = firstGrain * GrainSize;
        long endIteration = Math.Min(endGrain * GrainSize, Count);
        RangeOfIterations(firstIteration, endIteration, out fromInclusive, out toExclusive);
    }

    /// <summary>The loop-variable range of iterations <c>[firstIteration, endIteration)</c>.</summary>
    public void RangeOfIterations(long firstIteration, long endIteration, out long fromInclusive, out long toExclusive)
    {
        fromInclusive = From + (firstIteration * Step);
        toExclusive = endIteration >= Count ? To : From + (endIteration * Step);
    }

    private static Distribution DistributionFor(in LoopOptions options) => options.Schedule switch
    {
        Schedule.Static when options.ChunkSize > 0 => Distribution.StaticRoundRobin,
        // Ordered reductions need thread-count-independent grains, so static hands out contiguous runs of grains.
        Schedule.Static when options.Ordered => Distribution.StaticContiguousGrains,
        Schedule.Static => Distribution.StaticBlocks,
        Schedule.Guided => Distribution.Guided,
        _ => Distribution.Dynamic,
    };

    private static long GrainSizeFor(long count, in LoopOptions options)
    {
        if (count == 0)
        {
            return 1;
        }

        long grain = options.ChunkSize > 0
            ? options.ChunkSize
            : options.Schedule switch
            {
                Schedule.Dynamic or Schedule.Guided => 1,
                // Unordered static without a chunk size: one block per thread, cut when the thread count is known.
                Schedule.Static when !options.Ordered => count,
                _ => AutoGrainSize(count, options.CostPerIteration),
            };

        if (options.Ordered)
        {
            grain = Math.Max(grain, CeilDiv(count, MaxOrderedGrains));
        }

        return Math.Clamp(grain, 1, count);
    }

    /// <summary>The smallest automatic grain: iterations that carry <see cref="TargetGrainWorkNs"/> of work.</summary>
    internal static long WorkGrainSize(double costPerIteration) => (long)Math.Ceiling(TargetGrainWorkNs / costPerIteration);

    private static long AutoGrainSize(long count, double costPerIteration)
    {
        long grain = Math.Max(CeilDiv(count, AutoGrainsPerLoop), WorkGrainSize(costPerIteration));

        // A loop worth parallelising gets at least MinAutoGrains grains whatever its estimated cost, so that uneven
        // iterations balance even when the estimate is low (a call whose cost the generator cannot see). Only the
        // iteration count and cost decide, so grains stay thread-count independent; below the threshold nothing changes.
        return count * costPerIteration >= ParallelThresholdNs ? Math.Min(grain, CeilDiv(count, MinAutoGrains)) : grain;
    }

    private static long CeilDiv(long a, long b) => ((a - 1) / b) + 1;
}

/// <summary>How a <see cref="ChunkPlan"/>'s grains reach the workers.</summary>
internal enum Distribution
{
    /// <summary>Workers claim one grain at a time (<see cref="Schedule.Auto"/> and <see cref="Schedule.Dynamic"/>).</summary>
    Dynamic,

    /// <summary>Workers claim runs of grains proportional to what remains (<see cref="Schedule.Guided"/>).</summary>
    Guided,

    /// <summary>Static, no chunk size, unordered: worker w of W runs iterations <c>[w·N/W, (w+1)·N/W)</c>.</summary>
    StaticBlocks,

    /// <summary>Static, no chunk size, ordered: worker w of W runs grains <c>[w·G/W, (w+1)·G/W)</c>.</summary>
    StaticContiguousGrains,

    /// <summary>Static with a chunk size: grains dealt round-robin, worker w runs w, w + W, w + 2W …</summary>
    StaticRoundRobin,
}
