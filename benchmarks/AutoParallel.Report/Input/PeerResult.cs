namespace AutoParallel.Report.Input;

/// <summary>
/// One peer measurement (../shared/peers/README.md), the median over the runs in the file when it holds several.
/// </summary>
/// <param name="Kernel"><c>sum</c>, <c>mandel</c>, <c>dist</c> or <c>table</c>.</param>
/// <param name="Size">The size label, e.g. <c>1e7</c> or <c>N1000-it500</c>.</param>
/// <param name="Impl">The implementation, e.g. <c>numba-prange</c> or <c>c-omp-dynamic</c>.</param>
/// <param name="Threads">Threads it ran on.</param>
/// <param name="MedianUs">Median time of one call, in microseconds.</param>
/// <param name="Checksum">The kernel's checksum, as printed.</param>
/// <param name="Runs">How many runs of <c>run.sh</c> the file held for this row.</param>
public sealed record PeerResult(string Kernel, string Size, string Impl, int Threads, double MedianUs, double Checksum, int Runs)
{
    /// <summary>The median time in nanoseconds, BenchmarkDotNet's unit.</summary>
    public double MedianNs => MedianUs * 1000;
}
