using System;

namespace AutoParallel;

/// <summary>
/// Knows whether the current thread is running inside a parallel region, so that a region started from inside another
/// runs sequentially instead of multiplying threads (the seed notebook's oversubscription lesson).
/// </summary>
internal static class NestedRegionGuard
{
    [ThreadStatic]
    private static int t_depth;

    public static bool IsInRegion => t_depth > 0;

    public static void Enter() => t_depth++;

    public static void Exit() => t_depth--;
}
