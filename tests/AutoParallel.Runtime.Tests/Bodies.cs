using System;
using System.Collections.Concurrent;
using System.Threading;

namespace AutoParallel.Runtime.Tests;

/// <summary>Counts how often each loop value runs, and on which threads.</summary>
internal struct CountingBody : IChunkBody
{
    public int[] Hits;
    public long From;
    public long Step;
    public ConcurrentDictionary<int, bool> Threads;
    public Action<long>? OnIteration;

    public readonly void Execute(long fromInclusive, long toExclusive)
    {
        Threads.TryAdd(Environment.CurrentManagedThreadId, true);
        for (long i = fromInclusive; i < toExclusive; i += Step)
        {
            Assert.Equal(0, (i - From) % Step);
            Interlocked.Increment(ref Hits[(i - From) / Step]);
            OnIteration?.Invoke(i);
        }
    }
}

/// <summary>A floating-point sum whose result depends on the combining order.</summary>
internal struct SumBody : IReductionBody<double>
{
    public double[] Values;

    /// <summary>When set, counts the fresh accumulators the runtime asks for.</summary>
    public int[]? Created;

    public readonly double CreateAccumulator()
    {
        if (Created is not null)
        {
            Interlocked.Increment(ref Created[0]);
        }

        return -0.0;
    }

    public readonly void Execute(long fromInclusive, long toExclusive, ref double accumulator)
    {
        for (long i = fromInclusive; i < toExclusive; i++)
        {
            accumulator += Values[i];
        }
    }

    public readonly void Combine(ref double total, ref double chunk) => total += chunk;

    // Either zero: a sum started from +0.0 is +0.0 plus the sum started from -0.0.
    public readonly bool CanExecuteInto(in double total) => total == 0.0;
}
