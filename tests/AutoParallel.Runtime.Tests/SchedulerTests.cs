using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using CsCheck;

namespace AutoParallel.Runtime.Tests;

[Collection(RuntimeStateCollection.Name)]
public sealed class SchedulerTests : IDisposable
{
    private static readonly Schedule[] Schedules = { Schedule.Auto, Schedule.Static, Schedule.Dynamic, Schedule.Guided };

    public SchedulerTests() => ParallelRuntime.NumThreads = 4;

    public void Dispose()
    {
        ParallelRuntime.NumThreads = ParallelRuntime.DefaultNumThreads;
        ParallelRuntime.AllowNestedParallelism = false;
    }

    [Fact]
    public void Every_iteration_runs_exactly_once_whatever_the_schedule_chunk_step_and_range()
    {
        Gen.Select(Gen.Long[-1000, 1000], Gen.Int[0, 5000], Gen.Int[1, 7], Gen.Int[0, 4], Gen.Int[0, 40], Gen.Int[1, 6])
            .Sample((from, count, step, scheduleIndex, chunk, threads) =>
            {
                ParallelRuntime.NumThreads = threads;
                var body = NewCounting(from, step, count);
                var options = new LoopOptions(Schedules[scheduleIndex % 4], chunk, minIterations: 2);
                ParallelRuntime.For(from, from + ((long)count * step) - (count > 0 ? step - 1 : 0), step, options, ref body);
                Assert.All(body.Hits, h => Assert.Equal(1, h));
            }, iter: 300);
    }

    [Theory]
    [InlineData(long.MinValue, long.MinValue + 100, 1)]
    [InlineData(long.MaxValue - 100, long.MaxValue, 1)]
    [InlineData(long.MaxValue - 1000, long.MaxValue - 333, 333)]
    [InlineData(long.MaxValue - 1000, long.MaxValue - 1, 333)]
    public void Ranges_at_the_edges_of_long_do_not_overflow(long from, long to, long step)
    {
        long count = ParallelRuntime.IterationCount(from, to, step);
        var body = NewCounting(from, step, (int)count);
        ParallelRuntime.For(from, to, step, new LoopOptions(minIterations: 2), ref body);
        Assert.All(body.Hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Empty_and_reversed_ranges_run_nothing()
    {
        foreach (var (from, to) in new[] { (0L, 0L), (5L, 5L), (10L, 3L), (long.MaxValue, long.MinValue) })
        {
            var body = NewCounting(0, 1, 0);
            body.OnIteration = _ => throw new InvalidOperationException("ran");
            ParallelRuntime.For(from, to, 1, new LoopOptions(), ref body);
        }
    }

    [Fact]
    public void Non_positive_steps_are_refused()
    {
        var body = NewCounting(0, 1, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelRuntime.For(0, 10, 0, new LoopOptions(), ref body));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelRuntime.IterationCount(0, 10, -1));
    }

    [Fact]
    public void Small_loops_below_the_threshold_run_on_the_calling_thread()
    {
        var body = NewCounting(0, 1, 999);
        ParallelRuntime.For(0, 999, 1, new LoopOptions(minIterations: 1000), ref body);
        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, body.Threads.Keys.ToArray());

        body = NewCounting(0, 1, 100);
        ParallelRuntime.For(0, 100, 1, new LoopOptions(costPerIteration: 1), ref body);
        Assert.Single(body.Threads);
    }

    [Fact]
    public void Max_degree_one_runs_on_the_calling_thread()
    {
        var body = NewCounting(0, 1, 100_000);
        ParallelRuntime.For(0, 100_000, 1, new LoopOptions(maxDegreeOfParallelism: 1, minIterations: 2), ref body);
        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, body.Threads.Keys.ToArray());
    }

    [Fact]
    public void Large_loops_use_more_than_one_thread()
    {
        var body = NewCounting(0, 1, 64);
        using var barrier = new Barrier(2);
        body.OnIteration = i =>
        {
            if (i < 2)
            {
                // Two chunks must be in flight at once for both to pass.
                Assert.True(barrier.SignalAndWait(TimeSpan.FromSeconds(10)), "only one thread ran the loop");
            }
        };
        ParallelRuntime.For(0, 64, 1, new LoopOptions(Schedule.Dynamic, chunkSize: 1, minIterations: 2), ref body);
        Assert.True(body.Threads.Count >= 2);
    }

    [Fact]
    public void Ordered_reductions_give_the_same_bits_at_every_thread_count()
    {
        var random = new Random(7);
        double[] values = Enumerable.Range(0, 100_000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 10))).ToArray();
        foreach (Schedule schedule in Schedules)
        {
            var bits = Enumerable.Range(1, 8).Select(threads =>
            {
                ParallelRuntime.NumThreads = threads;
                var body = new SumBody { Values = values };
                return BitConverter.DoubleToInt64Bits(ParallelRuntime.Reduce(0, values.Length, 1, new LoopOptions(schedule, ordered: true, minIterations: 2), ref body, 0.0));
            }).Distinct().ToList();
            Assert.Single(bits);

            // The sequential fall-back (below the threshold) walks the same chunks.
            var fallback = new SumBody { Values = values };
            double sequential = ParallelRuntime.Reduce(0, values.Length, 1, new LoopOptions(schedule, ordered: true, minIterations: long.MaxValue), ref fallback, 0.0);
            Assert.Equal(bits[0], BitConverter.DoubleToInt64Bits(sequential));
        }
    }

    [Theory]
    [InlineData(1, 1.5)]
    [InlineData(3999, 1.5)]
    [InlineData(4000, 1.5)]
    [InlineData(4001, 1.5)]
    [InlineData(20_000, 1.5)]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(4000, 0.0)]
    [InlineData(20_000, 0.0)]
    [InlineData(1, -0.0)]
    [InlineData(3, -0.0)]
    [InlineData(4001, -0.0)]
    public void Ordered_results_do_not_depend_on_whether_a_small_loop_skips_the_chunked_path(int count, double seed)
    {
        // Auto grains hold 4000 iterations at 1 ns each: up to there a loop runs as one chunk without a plan, and with a seed of
        // either zero it runs straight into the seed (CanExecuteInto). Inputs of zeros alone are where a wrong sign would show.
        var random = new Random(count);
        double[][] inputs =
        {
            Enumerable.Range(0, count).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 10))).ToArray(),
            Enumerable.Repeat(-0.0, count).ToArray(),
            Enumerable.Range(0, count).Select(i => i % 3 == 1 ? 0.0 : -0.0).ToArray(),
        };
        foreach (double[] values in inputs)
        {
            long Bits(long minIterations, int threads)
            {
                ParallelRuntime.NumThreads = threads;
                var body = new SumBody { Values = values };
                return BitConverter.DoubleToInt64Bits(ParallelRuntime.Reduce(0, values.Length, 1, new LoopOptions(ordered: true, minIterations: minIterations), ref body, seed));
            }

            long expected = Bits(2, 2);
            Assert.Equal(expected, Bits(2, 1));
            Assert.Equal(expected, Bits(long.MaxValue, 2));
            Assert.Equal(expected, Bits(0, 3));
        }
    }

    [Fact]
    public void A_one_chunk_loop_runs_straight_into_a_seed_that_holds_the_identities()
    {
        var body = new SumBody { Values = new[] { 1.0, 2.0, 4.0 }, Created = new int[1] };
        Assert.Equal(7.0, ParallelRuntime.Reduce(0, 3, 1, new LoopOptions(ordered: true), ref body, 0.0));
        Assert.Equal(7.0, ParallelRuntime.Reduce(0, 3, 1, new LoopOptions(ordered: true), ref body, -0.0));
        Assert.Equal(0, body.Created[0]);

        // Any other seed: a fresh accumulator from the identity, combined into the seed.
        Assert.Equal(8.5, ParallelRuntime.Reduce(0, 3, 1, new LoopOptions(ordered: true), ref body, 1.5));
        Assert.Equal(1, body.Created[0]);
        Assert.True(double.IsNaN(ParallelRuntime.Reduce(0, 3, 1, new LoopOptions(ordered: true), ref body, double.NaN)));
        Assert.Equal(2, body.Created[0]);
    }

    [Fact]
    public void A_loop_above_the_threshold_gets_at_least_64_chunks_even_when_its_cost_estimate_is_low()
    {
        // 1000 iterations estimated at 21 ns (a call the generator cannot see into): grains of the estimate alone would hold
        // 191 iterations, six per loop, too few to balance uneven iterations.
        var body = new ChunkCountingBody { Chunks = new int[1] };
        ParallelRuntime.For(0, 1000, 1, new LoopOptions(costPerIteration: 21), ref body);
        Assert.True(body.Chunks[0] >= 63, $"{body.Chunks[0]} chunks");

        // Below the threshold the loop is one chunk, as before.
        var small = new ChunkCountingBody { Chunks = new int[1] };
        ParallelRuntime.For(0, 700, 1, new LoopOptions(costPerIteration: 21), ref small);
        Assert.Equal(1, small.Chunks[0]);
    }

    private struct ChunkCountingBody : IChunkBody
    {
        public int[] Chunks;

        public readonly void Execute(long fromInclusive, long toExclusive) => Interlocked.Increment(ref Chunks[0]);
    }

    [Fact]
    public void A_body_exception_is_rethrown_as_itself_from_the_earliest_chunk()
    {
        foreach (Schedule schedule in Schedules)
        {
            var body = NewCounting(0, 1, 10_000);
            body.OnIteration = i =>
            {
                if (i == 7000 || i == 9000)
                {
                    throw new FormatException("at " + i);
                }
            };
            var error = Assert.Throws<FormatException>(() => ParallelRuntime.For(0, 10_000, 1, new LoopOptions(schedule, chunkSize: 100, minIterations: 2), ref body));
            Assert.Equal("at 7000", error.Message);
            Assert.Contains(nameof(A_body_exception_is_rethrown_as_itself_from_the_earliest_chunk), error.StackTrace);
        }
    }

    [Fact]
    public void A_region_started_inside_a_region_runs_sequentially_unless_nesting_is_allowed()
    {
        var innerThreads = new ConcurrentDictionary<int, int>();
        bool sawNested = false;
        var outer = NewCounting(0, 1, 8);
        outer.OnIteration = _ =>
        {
            Assert.True(ParallelRuntime.IsInParallelRegion);
            var inner = NewCounting(0, 1, 1000);
            int caller = Environment.CurrentManagedThreadId;
            ParallelRuntime.For(0, 1000, 1, new LoopOptions(Schedule.Dynamic, chunkSize: 1, minIterations: 2), ref inner);
            if (inner.Threads.Keys.Any(t => t != caller))
            {
                sawNested = true;
            }
        };
        ParallelRuntime.For(0, 8, 1, new LoopOptions(Schedule.Dynamic, chunkSize: 1, minIterations: 2), ref outer);
        Assert.False(sawNested, "a nested region forked threads");
        Assert.False(ParallelRuntime.IsInParallelRegion);

        ParallelRuntime.AllowNestedParallelism = true;
        var allowed = NewCounting(0, 1, 1);
        int nestedWorkers = 0;
        allowed.OnIteration = _ =>
        {
            var inner = NewCounting(0, 1, 64);
            using var barrier = new Barrier(2);
            inner.OnIteration = i =>
            {
                if (i < 2)
                {
                    barrier.SignalAndWait(TimeSpan.FromSeconds(10));
                }
            };
            ParallelRuntime.For(0, 64, 1, new LoopOptions(Schedule.Dynamic, chunkSize: 1, minIterations: 2), ref inner);
            nestedWorkers = inner.Threads.Count;
        };
        ParallelRuntime.For(0, 1, 1, new LoopOptions(minIterations: 1), ref allowed);
        Assert.True(nestedWorkers >= 2, "nesting was allowed but the inner loop did not fork");
    }

    [Fact]
    public void Loop_options_reject_negative_sizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoopOptions(chunkSize: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoopOptions(minIterations: -1));
        Assert.Equal(1, new LoopOptions(costPerIteration: double.NaN).CostPerIteration);
    }

    private static CountingBody NewCounting(long from, long step, int count)
        => new() { Hits = new int[count], From = from, Step = step, Threads = new ConcurrentDictionary<int, bool>() };
}
