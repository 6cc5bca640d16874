using System;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>
/// The peers' <c>mandel</c> kernel (the seed's Mandelbrot, rows in parallel) at their three sizes; the <c>[Vectorise]</c>
/// span overloads of <see cref="Kernels.Mandel(double, double, int)"/> on the same grid, flattened, as further variants.
/// </summary>
[MemoryDiagnoser]
public class MandelbrotKernel
{
    private double[] _re = Array.Empty<double>();
    private double[] _im = Array.Empty<double>();
    private double[] _gridRe = Array.Empty<double>();
    private double[] _gridIm = Array.Empty<double>();
    private int[] _counts = Array.Empty<int>();
    private int _iterations;

    /// <summary>The peers' size label: <c>N{grid side}-it{maximum iterations}</c>.</summary>
    [Params("N100-it20", "N1000-it20", "N1000-it500")]
    public string Size { get; set; } = "N100-it20";

    /// <summary>Builds the grid and checks that every variant's counts sum to the peers' checksum.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Size.Split("-it");
        int n = int.Parse(parts[0].AsSpan(1));
        _iterations = int.Parse(parts[1]);
        (_re, _im) = Grid.MandelbrotAxes(n);
        (_gridRe, _gridIm) = Grid.Mandelbrot(n);
        _counts = new int[n * n];

        long expected = PeerChecksums.Mandelbrot(Size);
        Verify(Variant.Sequential, Sequential, expected);
        Verify(Variant.Generated, Generated, expected);
        Verify(Variant.NaivePerRow, PerRow, expected);
        Verify(Variant.Plinq, Plinq, expected);
        Verify(Variant.Chunked, Chunked, expected);
        Verify(Variant.VectoriseCpu, VectoriseCpu, expected);
        Verify(Variant.VectoriseParallel, VectoriseParallel, expected);
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential)]
    public void Sequential() => ParallelKernels.Mandelbrot(_re, _im, _iterations, _counts);

    [Benchmark(Description = Variant.Generated)]
    public void Generated() => ParallelKernels.MandelbrotParallel(_re, _im, _iterations, _counts);

    [Benchmark(Description = Variant.NaivePerRow)]
    public void PerRow() => HandWrittenRows.PerRow(_re.Length, r => RowKernels.Mandelbrot(_re, _im, _iterations, _counts, r, r + 1));

    [Benchmark(Description = Variant.Plinq)]
    public void Plinq() => HandWrittenRows.Plinq(_re.Length, r => RowKernels.Mandelbrot(_re, _im, _iterations, _counts, r, r + 1));

    [Benchmark(Description = Variant.Chunked)]
    public void Chunked() => HandWrittenRows.Chunked(_re.Length, (from, to) => RowKernels.Mandelbrot(_re, _im, _iterations, _counts, from, to));

    [Benchmark(Description = Variant.VectoriseCpu)]
    public void VectoriseCpu() => Kernels.Mandel(_gridRe, _gridIm, _iterations, _counts);

    [Benchmark(Description = Variant.VectoriseParallel)]
    public void VectoriseParallel() => Kernels.MandelParallel(_gridRe, _gridIm, _iterations, _counts);

    private void Verify(string variant, Action run, long expected)
    {
        Array.Fill(_counts, int.MinValue);
        run();
        PeerChecksums.Expect(variant, expected, PeerChecksums.Checksum(_counts));
    }
}
