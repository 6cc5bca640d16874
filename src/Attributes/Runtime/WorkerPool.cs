using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace AutoParallel;

/// <summary>
/// A team of threads kept for parallel regions, as OpenMP runtimes keep theirs: starting a region publishes it and wakes
/// the workers it needs; the calling thread works too, then waits for the others. After a region a worker spins for a
/// short while before it sleeps, so a region that follows soon after (a loop in a loop, a call per frame) starts in
/// about a microsecond instead of the tens of a sleeping thread's wake-up. Nothing is allocated per region.
/// </summary>
/// <remarks>
/// The team runs one region at a time. A region started while another thread's region holds the team runs on the
/// .NET thread pool instead (<see cref="TryRun"/> returns <see langword="false"/>); a region started from inside a region's
/// body runs sequentially (the nested-region guard), so the team never waits on itself.
/// </remarks>
internal static class WorkerPool
{
    /// <summary>How long an idle worker spins before it sleeps: long enough to bridge the gap between back-to-back regions,
    /// short enough not to hold a core that the calling thread's sequential code needs.</summary>
    private static readonly long s_spinTicks = Stopwatch.Frequency / 10_000; // 100 µs

    private static readonly object s_growLock = new();
    private static readonly ContextCallback s_workUnderContext = static state => ((Worker)state!).RunCurrent();
    private static Worker[] s_workers = Array.Empty<Worker>();
    private static int s_busy;
    private static ParallelRegion? s_region;
    private static long s_generation;
    private static int s_pending;
    private static readonly ManualResetEventSlim s_done = new(false, 0);

    /// <summary>
    /// Runs <paramref name="region"/> on the calling thread (worker 0) and <c>Workers - 1</c> team threads, and returns when
    /// all are done; <see langword="false"/>, having run nothing, when another region holds the team.
    /// </summary>
    public static bool TryRun(ParallelRegion region)
    {
        if (Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            int helpers = region.Workers - 1;
            Worker[] workers = EnsureWorkers(helpers);
            long generation = s_generation + 1;
            region.Generation = generation;
            s_region = region;
            s_done.Reset();
            Volatile.Write(ref s_pending, helpers);
            Interlocked.Exchange(ref s_generation, generation); // a full fence: the region is visible before any worker sees its generation
            for (int k = 0; k < helpers; k++)
            {
                workers[k].WakeIfSleeping();
            }

            region.Work(0);
            WaitForHelpers();
            s_region = null;
            return true;
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
        }
    }

    private static void WaitForHelpers()
    {
        if (Volatile.Read(ref s_pending) == 0)
        {
            return;
        }

        var spinner = default(SpinWait);
        while (!spinner.NextSpinWillYield)
        {
            spinner.SpinOnce();
            if (Volatile.Read(ref s_pending) == 0)
            {
                return;
            }
        }

        // The last worker sets the event after its decrement, so a set can arrive late, after the next region has started:
        // only the count decides, the event is just where to sleep until it may have changed.
        while (Volatile.Read(ref s_pending) != 0)
        {
            s_done.Wait();
            s_done.Reset();
        }
    }

    private static Worker[] EnsureWorkers(int count)
    {
        Worker[] workers = Volatile.Read(ref s_workers);
        if (workers.Length >= count)
        {
            return workers;
        }

        lock (s_growLock)
        {
            workers = s_workers;
            if (workers.Length < count)
            {
                var grown = new Worker[count];
                Array.Copy(workers, grown, workers.Length);
                for (int k = workers.Length; k < count; k++)
                {
                    grown[k] = new Worker(k + 1, Volatile.Read(ref s_generation));
                }

                Volatile.Write(ref s_workers, grown);
                workers = grown;
            }

            return workers;
        }
    }

    /// <summary>One team thread: waits for a new generation, runs its share of the region if the region needs it, reports.</summary>
    [SuppressMessage("Design", "CA1001", Justification = "A worker and its event live as long as the process.")]
    private sealed class Worker
    {
        private readonly int _index;
        private readonly ManualResetEventSlim _wake = new(false, 0);
        private ParallelRegion? _current;
        private long _seen;
        private int _sleeping;

        public Worker(int index, long generation)
        {
            _index = index;
            _seen = generation;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"AutoParallel worker {index}" };
            thread.UnsafeStart();
        }

        public void WakeIfSleeping()
        {
            // Pairs with the exchange in Sleep: either this sees the worker asleep, or the worker sees the new generation.
            if (Volatile.Read(ref _sleeping) == 1)
            {
                _wake.Set();
            }
        }

        public void RunCurrent() => _current!.Work(_index);

        private void Loop()
        {
            while (true)
            {
                long generation = WaitForGeneration();
                _seen = generation;
                ParallelRegion? region = s_region;
                if (region is null || region.Generation != generation || _index >= region.Workers)
                {
                    // A region that needs fewer threads than the team has (it may be over already, or the next one is being
                    // published: its generation, when it comes, wakes this loop again).
                    continue;
                }

                if (region.Context is { } context)
                {
                    _current = region;
                    ExecutionContext.Run(context, s_workUnderContext, this);
                    _current = null;
                }
                else
                {
                    region.Work(_index);
                }

                if (Interlocked.Decrement(ref s_pending) == 0)
                {
                    s_done.Set();
                }
            }
        }

        private long WaitForGeneration()
        {
            long start = Stopwatch.GetTimestamp();
            while (true)
            {
                long generation = Volatile.Read(ref s_generation);
                if (generation != _seen)
                {
                    return generation;
                }

                if (Stopwatch.GetTimestamp() - start < s_spinTicks)
                {
                    Thread.SpinWait(16);
                    continue;
                }

                _wake.Reset();
                Interlocked.Exchange(ref _sleeping, 1); // a full fence before the generation is read again
                if (Volatile.Read(ref s_generation) == _seen)
                {
                    _wake.Wait();
                }

                Volatile.Write(ref _sleeping, 0);
                start = Stopwatch.GetTimestamp();
            }
        }
    }
}
