using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;

namespace AutoParallel.Benchmarks;

/// <summary>
/// Row-by-row kernels (Mandelbrot, distances, table) parallelised by hand over their outer loop, three ways a user would:
/// a <c>Parallel.For</c> per row, PLINQ's <c>ForAll</c> per row, and <c>Parallel.ForEach</c> over <c>Partitioner</c> ranges.
/// </summary>
public static class HandWrittenRows
{
    /// <summary><c>Parallel.For(0, rows, row)</c>: one delegate call per row.</summary>
    public static void PerRow(int rows, Action<int> row) => Parallel.For(0, rows, row);

    /// <summary><c>ParallelEnumerable.Range(0, rows).ForAll(row)</c>.</summary>
    public static void Plinq(int rows, Action<int> row) => ParallelEnumerable.Range(0, rows).ForAll(row);

    /// <summary><c>Parallel.ForEach</c> over <c>Partitioner.Create(0, rows)</c> ranges, a plain loop over each range's rows.</summary>
    public static void Chunked(int rows, Action<int, int> rowRange)
        => Parallel.ForEach(Partitioner.Create(0, rows), range => rowRange(range.Item1, range.Item2));
}
