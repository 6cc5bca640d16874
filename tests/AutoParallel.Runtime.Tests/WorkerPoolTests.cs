using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AutoParallel.Runtime.Tests;

/// <summary>The team of threads behind every parallel loop: no allocation once warm, correct under concurrent callers, the caller's context flows.</summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class WorkerPoolTests : IDisposable
{
    private static readonly LoopOptions Forced = new(Schedule.Dynamic, chunkSize: 1, minIterations: 2);

    public WorkerPoolTests() => ParallelRuntime.NumThreads = 2;

    public void Dispose() => ParallelRuntime.NumThreads = ParallelRuntime.DefaultNumThreads;

    [Fact]
    public void A_parallel_loop_and_a_parallel_reduction_allocate_nothing_once_warm()
    {
        var touch = new TouchBody { Data = new int[64] };
        var sum = new SumBody { Values = Enumerable.Range(0, 64).Select(i => (double)i).ToArray() };
        var ordered = new LoopOptions(Schedule.Dynamic, chunkSize: 4, minIterations: 2, ordered: true);
        for (int warm = 0; warm < 100; warm++)
        {
            ParallelRuntime.For(0, 64, 1, Forced, ref touch);
            ParallelRuntime.Reduce(0, 64, 1, ordered, ref sum, 0.0);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        double total = 0;
        for (int call = 0; call < 1000; call++)
        {
            ParallelRuntime.For(0, 64, 1, Forced, ref touch);
            total += ParallelRuntime.Reduce(0, 64, 1, ordered, ref sum, 0.0);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1000 * 2016.0, total);
        Assert.All(touch.Data, hits => Assert.Equal(1100, hits));
    }

    [Fact]
    public void Back_to_back_regions_never_overlap()
    {
        // A late wake-up signal from one region once let the next region's caller return before its helper had finished
        // (the helper then ran a cleared body). Every iteration of every region must have run when the call returns.
        var body = new TouchBody { Data = new int[64] };
        var options = new LoopOptions(Schedule.Static, minIterations: 1);
        for (int call = 1; call <= 200_000; call++)
        {
            ParallelRuntime.For(0, 64, 1, options, ref body);
            if (body.Data[0] != call || body.Data[63] != call)
            {
                Assert.Fail($"call {call}: a region returned before its iterations ran ({body.Data[0]}, {body.Data[63]})");
            }
        }
    }

    [Fact]
    public void Loops_started_from_several_threads_at_once_are_all_correct()
    {
        ParallelRuntime.NumThreads = 3;
        double[] values = Enumerable.Range(0, 10_000).Select(i => (double)(i % 97)).ToArray();
        double expected = values.Sum();
        var options = new LoopOptions(Schedule.Dynamic, chunkSize: 64, minIterations: 2, ordered: true);
        double[][] results = Enumerable.Range(0, 4).Select(_ => new double[200]).ToArray();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, caller =>
        {
            // Most of these find the team held by another caller and run on the thread pool: both paths must agree.
            for (int call = 0; call < results[caller].Length; call++)
            {
                var body = new SumBody { Values = values };
                results[caller][call] = ParallelRuntime.Reduce(0, values.Length, 1, options, ref body, 0.0);
            }
        });

        Assert.All(results.SelectMany(r => r), r => Assert.Equal(expected, r));
    }

    [Fact]
    public void The_callers_execution_context_flows_to_every_thread_of_the_loop()
    {
        var culture = new AsyncLocal<string?> { Value = "the caller's" };
        var seen = new ConcurrentDictionary<int, string?>();
        using var barrier = new Barrier(2);
        var body = new ObservingBody
        {
            Observe = i =>
            {
                seen[Environment.CurrentManagedThreadId] = culture.Value;
                if (i < 2)
                {
                    Assert.True(barrier.SignalAndWait(TimeSpan.FromSeconds(10)), "only one thread ran the loop");
                }
            },
        };

        ParallelRuntime.For(0, 16, 1, Forced, ref body);

        Assert.True(seen.Count >= 2);
        Assert.All(seen.Values, value => Assert.Equal("the caller's", value));
    }

    [Fact]
    public void A_loop_after_the_team_went_to_sleep_still_runs_on_every_thread()
    {
        var body = new TouchBody { Data = new int[256] };
        ParallelRuntime.For(0, 256, 1, Forced, ref body);
        Thread.Sleep(50); // far past the workers' spin: they wait on their events now
        using var barrier = new Barrier(2);
        var observing = new ObservingBody
        {
            Observe = i =>
            {
                if (i < 2)
                {
                    Assert.True(barrier.SignalAndWait(TimeSpan.FromSeconds(10)), "a sleeping worker was not woken");
                }
            },
        };

        ParallelRuntime.For(0, 16, 1, Forced, ref observing);
        Assert.All(body.Data, hits => Assert.Equal(1, hits));
    }

    private struct TouchBody : IChunkBody
    {
        public int[] Data;

        public readonly void Execute(long fromInclusive, long toExclusive)
        {
            for (long i = fromInclusive; i < toExclusive; i++)
            {
                Interlocked.Increment(ref Data[i]);
            }
        }
    }

    private struct ObservingBody : IChunkBody
    {
        public Action<long> Observe;

        public readonly void Execute(long fromInclusive, long toExclusive)
        {
            for (long i = fromInclusive; i < toExclusive; i++)
            {
                Observe(i);
            }
        }
    }
}
