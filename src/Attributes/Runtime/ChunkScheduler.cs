using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace AutoParallel;

/// <summary>
/// Runs a <see cref="ChunkPlan"/> on the <see cref="WorkerPool"/> team (or, while another thread's loop holds the team, on
/// the .NET thread pool): the calling thread and up to <c>workers - 1</c> helpers claim grains according to the schedule;
/// reductions accumulate per grain (ordered) or per worker (unordered) and are combined into the total at the end, in a
/// fixed order. A region object is kept per thread and loop type, so a parallel loop allocates nothing once warm.
/// </summary>
internal static class ChunkScheduler
{
    public static void Run<TBody, TAccumulator>(in ChunkPlan plan, int workers, ref TBody body, ref TAccumulator total)
        where TBody : struct, IReductionBody<TAccumulator>
    {
        var region = Region<TBody, TAccumulator>.Rent(plan, workers, body);
        try
        {
            if (!WorkerPool.TryRun(region))
            {
                Parallel.For(0, region.Workers, new ParallelOptions { MaxDegreeOfParallelism = region.Workers }, region.Work);
            }

            region.Failure.ThrowIfFailed();
            region.CombineInto(ref total);
        }
        finally
        {
            region.Return();
        }
    }

    /// <summary>Runs the whole plan on the calling thread, with the same grain boundaries and combining order.</summary>
    public static void RunSequential<TBody, TAccumulator>(in ChunkPlan plan, ref TBody body, ref TAccumulator total)
        where TBody : struct, IReductionBody<TAccumulator>
    {
        if (plan.Ordered)
        {
            for (long g = 0; g < plan.GrainCount; g++)
            {
                plan.RangeOf(g, g + 1, out long from, out long to);
                TAccumulator partial = body.CreateAccumulator();
                body.Execute(from, to, ref partial);
                body.Combine(ref total, ref partial);
            }
        }
        else
        {
            plan.RangeOfIterations(0, plan.Count, out long from, out long to);
            TAccumulator partial = body.CreateAccumulator();
            body.Execute(from, to, ref partial);
            body.Combine(ref total, ref partial);
        }
    }

    private sealed class Region<TBody, TAccumulator> : ParallelRegion
        where TBody : struct, IReductionBody<TAccumulator>
    {
        private static readonly bool s_hasAccumulator = typeof(TAccumulator) != typeof(NoAccumulator);

        /// <summary>This thread's idle region of this loop type; a nested region (when allowed) takes a new one.</summary>
        [ThreadStatic]
        private static Region<TBody, TAccumulator>? t_idle;

        private ChunkPlan _plan;
        private TBody _body;
        private TAccumulator[]? _partials;
        private int _partialCount;
        private long _nextGrain;

        public static Region<TBody, TAccumulator> Rent(in ChunkPlan plan, int workers, TBody body)
        {
            Region<TBody, TAccumulator> region = t_idle ?? new Region<TBody, TAccumulator>();
            t_idle = null;
            region._plan = plan;
            region._body = body;
            region._nextGrain = 0;
            region.Workers = (int)Math.Min(workers, plan.Distribution == Distribution.StaticBlocks ? plan.Count : plan.GrainCount);
            region.Context = ExecutionContext.Capture();
            if (s_hasAccumulator)
            {
                region._partialCount = plan.Ordered ? checked((int)plan.GrainCount) : region.Workers;
                region._partials = ArrayPool<TAccumulator>.Shared.Rent(region._partialCount);
            }

            return region;
        }

        public FirstFailure Failure { get; } = new();

        public override void Work(int worker)
        {
            NestedRegionGuard.Enter();
            try
            {
                TBody body = _body;
                TAccumulator accumulator = s_hasAccumulator && !_plan.Ordered ? body.CreateAccumulator() : default!;
                long claimed = 0;
                while (!Failure.HasFailed && TryClaim(worker, claimed++, out long firstGrain, out long endGrain))
                {
                    try
                    {
                        if (_plan.Ordered && s_hasAccumulator)
                        {
                            for (long g = firstGrain; g < endGrain; g++)
                            {
                                _plan.RangeOf(g, g + 1, out long from, out long to);
                                TAccumulator partial = body.CreateAccumulator();
                                body.Execute(from, to, ref partial);
                                _partials![g] = partial;
                            }
                        }
                        else
                        {
                            RangeOf(firstGrain, endGrain, out long from, out long to);
                            body.Execute(from, to, ref accumulator);
                        }
                    }
                    catch (Exception ex)
                    {
                        Failure.Record(firstGrain * _plan.GrainSize, ex);
                    }
                }

                if (s_hasAccumulator && !_plan.Ordered)
                {
                    _partials![worker] = accumulator;
                }
            }
            finally
            {
                NestedRegionGuard.Exit();
            }
        }

        public void CombineInto(ref TAccumulator total)
        {
            if (!s_hasAccumulator)
            {
                return;
            }

            for (int k = 0; k < _partialCount; k++)
            {
                _body.Combine(ref total, ref _partials![k]);
            }
        }

        /// <summary>Gives the partials back and keeps this region for the thread's next loop, holding none of the user's data.</summary>
        public void Return()
        {
            if (_partials is not null)
            {
                ArrayPool<TAccumulator>.Shared.Return(_partials, RuntimeHelpers.IsReferenceOrContainsReferences<TAccumulator>());
                _partials = null;
            }

            _body = default;
            Context = null;
            Failure.Reset();
            t_idle = this;
        }

        /// <summary>The next grains for this worker; <paramref name="claimed"/> counts this worker's earlier claims.</summary>
        private bool TryClaim(int worker, long claimed, out long firstGrain, out long endGrain)
        {
            long grains = _plan.GrainCount;
            switch (_plan.Distribution)
            {
                case Distribution.StaticBlocks:
                    // Grain numbers stand for the workers' blocks here (see RangeOf).
                    firstGrain = worker;
                    endGrain = worker + 1;
                    return claimed == 0;

                case Distribution.StaticContiguousGrains:
                    firstGrain = grains * worker / Workers;
                    endGrain = grains * (worker + 1) / Workers;
                    return claimed == 0 && endGrain > firstGrain;

                case Distribution.StaticRoundRobin:
                    firstGrain = worker + (claimed * Workers);
                    endGrain = firstGrain + 1;
                    return firstGrain < grains;

                case Distribution.Guided:
                    while (true)
                    {
                        long next = Volatile.Read(ref _nextGrain);
                        long remaining = grains - next;
                        if (remaining <= 0)
                        {
                            firstGrain = endGrain = grains;
                            return false;
                        }

                        // Proportional to what remains per thread, halved as LLVM's OpenMP runtime does, so the tail balances.
                        long take = Math.Max(1, remaining / (2L * Workers));
                        if (Interlocked.CompareExchange(ref _nextGrain, next + take, next) == next)
                        {
                            firstGrain = next;
                            endGrain = next + take;
                            return true;
                        }
                    }

                default:
                    firstGrain = Interlocked.Increment(ref _nextGrain) - 1;
                    endGrain = firstGrain + 1;
                    return firstGrain < grains;
            }
        }

        private void RangeOf(long firstGrain, long endGrain, out long from, out long to)
        {
            if (_plan.Distribution == Distribution.StaticBlocks)
            {
                _plan.RangeOfIterations(_plan.Count * firstGrain / Workers, _plan.Count * endGrain / Workers, out from, out to);
            }
            else
            {
                _plan.RangeOf(firstGrain, endGrain, out from, out to);
            }
        }
    }
}

/// <summary>The accumulator of a loop without reductions.</summary>
internal struct NoAccumulator
{
}

/// <summary>Lets a <see cref="IChunkBody"/> run through the reduction scheduler at no cost.</summary>
internal struct NoReduction<TBody> : IReductionBody<NoAccumulator>
    where TBody : struct, IChunkBody
{
    public TBody Body;

    public readonly NoAccumulator CreateAccumulator() => default;

    public void Execute(long fromInclusive, long toExclusive, ref NoAccumulator accumulator) => Body.Execute(fromInclusive, toExclusive);

    public readonly void Combine(ref NoAccumulator total, ref NoAccumulator partial)
    {
    }

    public readonly bool CanExecuteInto(in NoAccumulator total) => true;
}

/// <summary>Lets a <see cref="ISpanChunkBody"/> run through the reduction scheduler, with its pinned spans.</summary>
internal struct SpanNoReduction<TBody> : IReductionBody<NoAccumulator>
    where TBody : struct, ISpanChunkBody
{
    public TBody Body;
    public PinnedSpans Spans;

    public readonly NoAccumulator CreateAccumulator() => default;

    public void Execute(long fromInclusive, long toExclusive, ref NoAccumulator accumulator) => Body.Execute(fromInclusive, toExclusive, Spans);

    public readonly void Combine(ref NoAccumulator total, ref NoAccumulator partial)
    {
    }

    public readonly bool CanExecuteInto(in NoAccumulator total) => true;
}

/// <summary>Lets a <see cref="ISpanReductionBody{TAccumulator}"/> run through the reduction scheduler, with its pinned spans.</summary>
internal struct SpanReduction<TBody, TAccumulator> : IReductionBody<TAccumulator>
    where TBody : struct, ISpanReductionBody<TAccumulator>
{
    public TBody Body;
    public PinnedSpans Spans;

    public readonly TAccumulator CreateAccumulator() => Body.CreateAccumulator();

    public void Execute(long fromInclusive, long toExclusive, ref TAccumulator accumulator) => Body.Execute(fromInclusive, toExclusive, Spans, ref accumulator);

    public readonly void Combine(ref TAccumulator total, ref TAccumulator partial) => Body.Combine(ref total, ref partial);

    public readonly bool CanExecuteInto(in TAccumulator total) => Body.CanExecuteInto(in total);
}
