using System;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>The peers' <c>dist</c> kernel: all pairwise distances of 2000 points in 8 dimensions, the full matrix, rows in parallel.</summary>
[MemoryDiagnoser]
public class DistanceKernel
{
    private const int Points = 2000, Dimensions = 8;

    private double[] _x = Array.Empty<double>();
    private double[] _result = Array.Empty<double>();

    /// <summary>The peers' size label (one size only).</summary>
    [Params("2000x8")]
    public string Size { get; set; } = "2000x8";

    /// <summary>Builds the points and checks that every variant's matrix sums to the peers' checksum, bit for bit.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = Lcg.Values(Points * Dimensions);
        _result = new double[Points * Points];
        Verify(Variant.Sequential, Sequential);
        Verify(Variant.Generated, Generated);
        Verify(Variant.NaivePerRow, PerRow);
        Verify(Variant.Plinq, Plinq);
        Verify(Variant.Chunked, Chunked);
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential)]
    public void Sequential() => ParallelKernels.Distances(_x, Points, Dimensions, _result);

    [Benchmark(Description = Variant.Generated)]
    public void Generated() => ParallelKernels.DistancesParallel(_x, Points, Dimensions, _result);

    [Benchmark(Description = Variant.NaivePerRow)]
    public void PerRow() => HandWrittenRows.PerRow(Points, i => RowKernels.Distances(_x, Points, Dimensions, _result, i, i + 1));

    [Benchmark(Description = Variant.Plinq)]
    public void Plinq() => HandWrittenRows.Plinq(Points, i => RowKernels.Distances(_x, Points, Dimensions, _result, i, i + 1));

    [Benchmark(Description = Variant.Chunked)]
    public void Chunked() => HandWrittenRows.Chunked(Points, (from, to) => RowKernels.Distances(_x, Points, Dimensions, _result, from, to));

    private void Verify(string variant, Action run)
    {
        Array.Fill(_result, double.NaN);
        run();
        PeerChecksums.Expect(variant, PeerChecksums.Distances, PeerChecksums.Checksum(_result));
    }
}
