using System;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>The peers' <c>table</c> kernel: the seed's 4000×4000 multiplication table as float64, rows in parallel (memory-bound writes).</summary>
[MemoryDiagnoser]
public class TableKernel
{
    private const int N = 4000;

    private double[] _x = Array.Empty<double>();

    /// <summary>The peers' size label (one size only).</summary>
    [Params("4000")]
    public string Size { get; set; } = "4000";

    /// <summary>Allocates the table and checks that every variant's table sums to the peers' checksum.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = new double[N * N];
        Verify(Variant.Sequential, Sequential);
        Verify(Variant.Generated, Generated);
        Verify(Variant.NaivePerRow, PerRow);
        Verify(Variant.Plinq, Plinq);
        Verify(Variant.Chunked, Chunked);
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential)]
    public void Sequential() => ParallelKernels.Table(_x, N);

    [Benchmark(Description = Variant.Generated)]
    public void Generated() => ParallelKernels.TableParallel(_x, N);

    [Benchmark(Description = Variant.NaivePerRow)]
    public void PerRow() => HandWrittenRows.PerRow(N, i => RowKernels.Table(_x, N, i, i + 1));

    [Benchmark(Description = Variant.Plinq)]
    public void Plinq() => HandWrittenRows.Plinq(N, i => RowKernels.Table(_x, N, i, i + 1));

    [Benchmark(Description = Variant.Chunked)]
    public void Chunked() => HandWrittenRows.Chunked(N, (from, to) => RowKernels.Table(_x, N, from, to));

    private void Verify(string variant, Action run)
    {
        Array.Fill(_x, double.NaN);
        run();
        PeerChecksums.Expect(variant, PeerChecksums.Table, PeerChecksums.Checksum(_x));
    }
}
