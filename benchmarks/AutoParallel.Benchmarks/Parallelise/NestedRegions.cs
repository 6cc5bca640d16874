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
/// <remarks>
/// Nested and flat differ by less than this shared guest drifts between two BenchmarkDotNet processes (a few percent), so
/// the class runs in <see cref="Round"/>s: every variant once per round, rounds one after another, the variants' order
/// reversed in every other round (<see cref="AlternatingRoundsConfig"/>). Target 6 is judged on the median of the rounds'
/// nested ÷ flat ratios, each from two processes that ran side by side.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(AlternatingRoundsConfig))]
public class NestedRegions
{
    private const int N = 1000, Iterations = 20;

    private double[] _re = Array.Empty<double>();
    private double[] _im = Array.Empty<double>();
    private int[][] _counts = Array.Empty<int[]>();

    /// <summary>The round: every variant runs once in each; the report pairs nested with flat within a round.</summary>
    [Params(1, 2, 3, 4, 5, 6, 7)]
    public int Round { get; set; }

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
