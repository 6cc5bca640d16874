namespace AutoParallel.Generator;

/// <summary>Names of the incremental pipelines' steps, so tests can check each one is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string ParalleliseMethods = nameof(ParalleliseMethods);
    public const string ParalleliseModels = nameof(ParalleliseModels);
    public const string VectoriseKernels = nameof(VectoriseKernels);
    public const string VectoriseModels = nameof(VectoriseModels);
}
