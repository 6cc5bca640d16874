using System;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// The runtime's defaults the generator reasons with. They mirror constants of AutoParallel.dll, which the generator cannot
/// reference; a test checks they agree.
/// </summary>
internal static class RuntimeDefaults
{
    /// <summary>Below this much estimated work (ns) a loop runs sequentially: <c>ChunkPlan.ParallelThresholdNs</c>.</summary>
    public const double ParallelThresholdNs = 16_000;

    /// <summary>The iteration count below which the runtime runs a loop sequentially.</summary>
    public static long MinIterations(long explicitMinimum, double costPerIteration)
        => explicitMinimum > 0 ? explicitMinimum : Math.Max(2, (long)Math.Ceiling(ParallelThresholdNs / costPerIteration));
}
