using System.Collections.Generic;

namespace AutoParallel.Report.Analysis;

/// <summary>One of the peers' kernels and the benchmark class that measures it in C#.</summary>
/// <param name="Peer">The peers' kernel name: <c>sum</c>, <c>mandel</c>, <c>dist</c>, <c>table</c>.</param>
/// <param name="BenchmarkType">The BenchmarkDotNet class; its <c>Size</c> parameter holds the peers' size label.</param>
/// <param name="Title">The section title.</param>
/// <param name="Definition">One line saying what is computed.</param>
/// <param name="Sizes">The peers' size labels, in order.</param>
/// <param name="OpenMpImpls">The C/OpenMP impls compared against at 2 threads: the faster one is taken (Mandelbrot: static or dynamic).</param>
public sealed record KernelSpec(
    string Peer, string BenchmarkType, string Title, string Definition, IReadOnlyList<string> Sizes, IReadOnlyList<string> OpenMpImpls)
{
    /// <summary>The peers' parallel numba impl every C# variant is compared against.</summary>
    public const string NumbaPrange = "numba-prange";

    /// <summary><c>sum</c>: <c>s = Σ x[i]</c>.</summary>
    public static KernelSpec Sum { get; } = new("sum", "SumKernel", "sum", "`s = Σ x[i]` over the first n LCG values", new[] { "1e4", "1e7" }, new[] { "c-omp" });

    /// <summary><c>mandel</c>: the seed's Mandelbrot escape counts.</summary>
    public static KernelSpec Mandelbrot { get; } = new(
        "mandel", "MandelbrotKernel", "Mandelbrot", "the seed's escape counts, rows in parallel (`z = c`, `|z|² ≥ 16`, no FMA); the `[Vectorise]` variants run over the same grid flattened",
        new[] { "N100-it20", "N1000-it20", "N1000-it500" }, new[] { "c-omp-static", "c-omp-dynamic" });

    /// <summary><c>dist</c>: pairwise distances.</summary>
    public static KernelSpec Distances { get; } = new(
        "dist", "DistanceKernel", "pairwise distances", "2000 points × 8 dimensions, the full 2000×2000 matrix, rows in parallel", new[] { "2000x8" }, new[] { "c-omp" });

    /// <summary><c>table</c>: the seed's multiplication table.</summary>
    public static KernelSpec Table { get; } = new(
        "table", "TableKernel", "table", "`x[i·n + j] = i·j` as float64, n = 4000, rows in parallel", new[] { "4000" }, new[] { "c-omp" });

    /// <summary>The four kernels, in the peers' order.</summary>
    public static IReadOnlyList<KernelSpec> All { get; } = new[] { Sum, Mandelbrot, Distances, Table };
}
