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

    public readonly double CreateAccumulator() => -0.0;

    public readonly void Execute(long fromInclusive, long toExclusive, ref double accumulator)
    {
        for (long i = fromInclusive; i < toExclusive; i++)
        {
            accumulator += Values[i];
        }
    }

    public readonly void Combine(ref double total, ref double chunk) => total += chunk;
}
