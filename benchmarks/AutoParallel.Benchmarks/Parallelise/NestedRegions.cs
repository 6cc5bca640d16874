using System;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>
/// Issue 6, target 6 ("nested regions never oversubscribe"): the 1000×1000 Mandelbrot grid, 20 iterations, rows in parallel.
/// Nested: each row through the generated <c>MandelbrotRowParallel</c>, a parallel region inside the parallel loop, which the
/// runtime's guard runs sequentially on the worker; flat: each row through the user's sequential <c>MandelbrotRow</c>. Both run
/// the same inner code, so the difference is what nesting costs. For scale: the user's loop, and a sequential loop that starts
/// one parallel region per row.
/// </summary>
[MemoryDiagnoser]
public class NestedRegions
{
    private const int N = 1000, Iterations = 20;

    private double[] _re = Array.Empty<double>();
    private double[] _im = Array.Empty<double>();
    private int[][] _counts = Array.Empty<int[]>();

    /// <summary>Builds the grid and checks that every variant's counts sum to the peers' checksum for <c>N1000-it20</c>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_re, _im) = Grid.MandelbrotAxes(N);
        _counts = new int[N][];
        for (int r = 0; r < N; r++)
        {
            _counts[r] = new int[N];
        }

        long expected = PeerChecksums.Mandelbrot("N1000-it20");
        Verify(Variant.Sequential, Sequential, expected);
        Verify(Variant.Flat, Flat, expected);
        Verify(Variant.Nested, Nested, expected);
        Verify(Variant.InnerOnly, InnerOnly, expected);
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential)]
    public void Sequential() => OverheadKernels.MandelbrotRows(_re, _im, Iterations, _counts);

    [Benchmark(Description = Variant.Flat)]
    public void Flat() => OverheadKernels.MandelbrotRowsParallel(_re, _im, Iterations, _counts);

    [Benchmark(Description = Variant.Nested)]
    public void Nested() => OverheadKernels.NestedMandelbrotRowsParallel(_re, _im, Iterations, _counts);

    [Benchmark(Description = Variant.InnerOnly)]
    public void InnerOnly() => OverheadKernels.NestedMandelbrotRows(_re, _im, Iterations, _counts);

    private void Verify(string variant, Action run, long expected)
    {
        long sum = 0;
        foreach (int[] row in _counts)
        {
            Array.Fill(row, int.MinValue);
        }

        run();
        foreach (int[] row in _counts)
        {
            sum += PeerChecksums.Checksum(row);
        }

        PeerChecksums.Expect(variant, expected, sum);
    }
}
