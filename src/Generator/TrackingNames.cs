namespace AutoParallel.Generator;

/// <summary>Names of the incremental pipeline's steps, so tests can check each one is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string ParalleliseMethods = nameof(ParalleliseMethods);
    public const string ParalleliseModels = nameof(ParalleliseModels);
}
