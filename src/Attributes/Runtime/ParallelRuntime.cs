using System;
using System.Runtime.CompilerServices;

namespace AutoParallel;

/// <summary>
/// The runtime that generated parallel code calls: the process-wide thread count, the guard against nested parallel regions,
/// and one entry point per loop (<c>For</c>, <c>Reduce</c>) that runs the loop in chunks.
/// </summary>
/// <remarks>
/// Generated code calls exactly one of the entry points per parallel loop, with a struct body; the scheduler behind them can
/// change without changing what the generator emits.
/// </remarks>
public static class ParallelRuntime
{
    private static volatile bool s_allowNested;

    /// <summary>
    /// The number of threads parallel loops use: the environment variable <c>AUTOPARALLEL_NUM_THREADS</c> when it holds a
    /// positive integer, else <see cref="Environment.ProcessorCount"/>. Settable at any time, like numba's
    /// <c>set_num_threads</c> or OpenMP's <c>omp_set_num_threads</c>; every loop's <c>MaxDegreeOfParallelism</c> is capped by it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is less than 1.</exception>
    public static int NumThreads
    {
        get => ThreadCountPolicy.NumThreads;
        set => ThreadCountPolicy.NumThreads = value;
    }

    /// <summary>The thread count the process started with (<c>AUTOPARALLEL_NUM_THREADS</c>, else the processor count).</summary>
    public static int DefaultNumThreads => ThreadCountPolicy.Default;

    /// <summary>
    /// <see langword="false"/> (default): a parallel loop started from inside a running parallel loop's body runs sequentially on
    /// the calling thread, so nested parallelism never oversubscribes the cores. <see langword="true"/>: nested loops fork too.
    /// </summary>
    public static bool AllowNestedParallelism
    {
        get => s_allowNested;
        set => s_allowNested = value;
    }

    /// <summary>Whether the calling thread is running the body of a parallel loop.</summary>
    public static bool IsInParallelRegion => NestedRegionGuard.IsInRegion;

    /// <summary>
    /// The number of threads a loop with this <see cref="ParalleliseAttribute.MaxDegreeOfParallelism"/> would use now:
    /// 0 → <see cref="NumThreads"/>; n &gt; 0 → min(n, <see cref="NumThreads"/>); n &lt; 0 → cores + 1 + n (joblib), at least 1 and at
    /// most <see cref="NumThreads"/>.
    /// </summary>
    public static int ResolveDegreeOfParallelism(int maxDegreeOfParallelism) => ThreadCountPolicy.Resolve(maxDegreeOfParallelism);

    /// <summary>
    /// Runs <c>for (i = fromInclusive; i &lt; toExclusive; i += step)</c> in chunks, in parallel when the loop is large enough,
    /// the loop's degree of parallelism allows more than one thread and no parallel region is already running on this thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    /// <remarks>An exception thrown by the body is rethrown as itself (the one from the earliest failing chunk).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void For<TBody>(long fromInclusive, long toExclusive, long step, in LoopOptions options, ref TBody body)
        where TBody : struct, IChunkBody
    {
        if (IsOneChunk(fromInclusive, toExclusive, step, options))
        {
            if (toExclusive > fromInclusive)
            {
                body.Execute(fromInclusive, toExclusive);
            }

            return;
        }

        // By value, as in Reduce: the body stays in registers on the one-chunk path.
        Run(fromInclusive, toExclusive, step, options, new NoReduction<TBody> { Body = body }, default(NoAccumulator));
    }

    /// <summary>
    /// Runs a loop with reductions in chunks and returns <paramref name="seed"/> combined with every chunk's partial result,
    /// in chunk order. With <see cref="LoopOptions.Ordered"/>, chunk boundaries do not depend on the thread count, so the result
    /// has the same bits at every thread count, the sequential fall-back included.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TAccumulator Reduce<TBody, TAccumulator>(
        long fromInclusive, long toExclusive, long step, in LoopOptions options, ref TBody body, TAccumulator seed)
        where TBody : struct, IReductionBody<TAccumulator>
    {
        if (IsOneChunk(fromInclusive, toExclusive, step, options))
        {
            return RunAsOneChunk(fromInclusive, toExclusive, ref body, seed);
        }

        // The body and the total go in (and the total comes back) by value: a local passed by reference would live in memory
        // on the inlined one-chunk path too, a store and a reload more per call.
        return Run(fromInclusive, toExclusive, step, options, body, seed);
    }

    /// <summary>
    /// <see cref="For{TBody}(long, long, long, in LoopOptions, ref TBody)"/> for a body that uses spans: the runtime pins
    /// <paramref name="spans"/> while the loop runs and hands them to every chunk.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    public static unsafe void For<TBody>(long fromInclusive, long toExclusive, long step, in LoopOptions options, ref TBody body, SpanArguments spans)
        where TBody : struct, ISpanChunkBody
    {
        if (step > 0 && toExclusive <= fromInclusive)
        {
            return;
        }

        fixed (byte* p0 = spans.Span0, p1 = spans.Span1, p2 = spans.Span2, p3 = spans.Span3, p4 = spans.Span4, p5 = spans.Span5, p6 = spans.Span6, p7 = spans.Span7)
        {
            var adapter = new SpanNoReduction<TBody> { Body = body, Spans = new PinnedSpans(p0, p1, p2, p3, p4, p5, p6, p7, spans) };
            if (IsOneChunk(fromInclusive, toExclusive, step, options))
            {
                // As in the array overload, a small loop runs as one chunk without a plan; in a method of its own, where the
                // chunk's loop does not share registers with the eight pinned spans.
                RunSpansAsOneChunk(fromInclusive, toExclusive, ref adapter, default(NoAccumulator));
                return;
            }

            Run(fromInclusive, toExclusive, step, options, adapter, default(NoAccumulator));
        }
    }

    /// <summary>
    /// <see cref="Reduce{TBody, TAccumulator}(long, long, long, in LoopOptions, ref TBody, TAccumulator)"/> for a body that uses
    /// spans: the runtime pins <paramref name="spans"/> while the loop runs and hands them to every chunk.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    public static unsafe TAccumulator Reduce<TBody, TAccumulator>(
        long fromInclusive, long toExclusive, long step, in LoopOptions options, ref TBody body, TAccumulator seed, SpanArguments spans)
        where TBody : struct, ISpanReductionBody<TAccumulator>
    {
        if (step > 0 && toExclusive <= fromInclusive)
        {
            return seed;
        }

        fixed (byte* p0 = spans.Span0, p1 = spans.Span1, p2 = spans.Span2, p3 = spans.Span3, p4 = spans.Span4, p5 = spans.Span5, p6 = spans.Span6, p7 = spans.Span7)
        {
            var adapter = new SpanReduction<TBody, TAccumulator> { Body = body, Spans = new PinnedSpans(p0, p1, p2, p3, p4, p5, p6, p7, spans) };
            if (IsOneChunk(fromInclusive, toExclusive, step, options))
            {
                return RunSpansAsOneChunk(fromInclusive, toExclusive, ref adapter, seed);
            }

            return Run(fromInclusive, toExclusive, step, options, adapter, seed);
        }
    }

    /// <summary>
    /// Iterations of <c>for (i = fromInclusive; i &lt; toExclusive; i += step)</c>, 0 when the range is empty.
    /// </summary>
    public static long IterationCount(long fromInclusive, long toExclusive, long step)
    {
        if (step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A parallel loop's step must be positive.");
        }

        return ChunkPlan.CountIterations(fromInclusive, toExclusive, step);
    }

    /// <summary>
    /// Whether the loop runs as a single chunk on the calling thread: empty, or fewer iterations than
    /// <see cref="LoopOptions.OneChunkBelow"/>. Such a call costs a comparison more than the user's loop, nothing else
    /// (no plan, no allocation). A non-positive step is left to the chunked path, which throws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOneChunk(long fromInclusive, long toExclusive, long step, in LoopOptions options)
    {
        if (step <= 0)
        {
            return false;
        }

        if (toExclusive <= fromInclusive)
        {
            return true;
        }

        ulong span = unchecked((ulong)toExclusive - (ulong)fromInclusive);
        ulong iterations = step == 1 ? span : ((span - 1) / (ulong)step) + 1;
        return iterations < (ulong)options.OneChunkBelow;
    }

    /// <summary>The whole loop as one chunk on the calling thread; returns <paramref name="total"/> combined with its result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TAccumulator RunAsOneChunk<TBody, TAccumulator>(long fromInclusive, long toExclusive, ref TBody body, TAccumulator total)
        where TBody : struct, IReductionBody<TAccumulator>
    {
        if (toExclusive > fromInclusive)
        {
            // A total that holds the identities takes the chunk directly (the same bits, see CanExecuteInto); with the seed a
            // constant, as `double s = 0;` before the loop makes it, the JIT drops the test and the other branch.
            bool into = body.CanExecuteInto(in total);
            TAccumulator partial = into ? total : body.CreateAccumulator();
            body.Execute(fromInclusive, toExclusive, ref partial);
            if (into)
            {
                total = partial;
            }
            else
            {
                body.Combine(ref total, ref partial);
            }
        }

        return total;
    }

    /// <summary><see cref="RunAsOneChunk"/> for the span overloads, kept out of the methods that pin.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TAccumulator RunSpansAsOneChunk<TBody, TAccumulator>(long fromInclusive, long toExclusive, ref TBody body, TAccumulator total)
        where TBody : struct, IReductionBody<TAccumulator> => RunAsOneChunk(fromInclusive, toExclusive, ref body, total);

    /// <summary>
    /// The chunked path: a plan, then the calling thread alone or the worker team; returns <paramref name="total"/> combined
    /// with every chunk's result. Kept out of the inlined entry points; <paramref name="body"/> is this call's copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TAccumulator Run<TBody, TAccumulator>(
        long fromInclusive, long toExclusive, long step, in LoopOptions options, TBody body, TAccumulator total)
        where TBody : struct, IReductionBody<TAccumulator>
    {
        var plan = ChunkPlan.Create(fromInclusive, toExclusive, step, options);
        if (plan.Count == 0)
        {
            return total;
        }

        int workers = WorkersFor(plan, options);
        if (workers <= 1)
        {
            ChunkScheduler.RunSequential(plan, ref body, ref total);
        }
        else
        {
            ChunkScheduler.Run(plan, workers, ref body, ref total);
        }

        return total;
    }

    private static int WorkersFor(in ChunkPlan plan, in LoopOptions options)
    {
        if (plan.Count < plan.MinIterations || (NestedRegionGuard.IsInRegion && !s_allowNested))
        {
            return 1;
        }

        int degree = ThreadCountPolicy.Resolve(options.MaxDegreeOfParallelism);
        long units = plan.Distribution == Distribution.StaticBlocks ? plan.Count : plan.GrainCount;
        return (int)Math.Min(degree, units);
    }
}
