using System;
using System.Diagnostics;
using System.Linq;

namespace AutoParallel.Sample;

/// <summary>
/// Median wall-clock time of a call. A warm-up of a quarter second first lets the JIT's tiered compilation replace the first,
/// unoptimised code (timing tier-0 code makes both versions look slow and unequal); then calls are repeated until one sample
/// is long enough to trust.
/// </summary>
internal static class Timing
{
    public static double MedianMicroseconds(Action action, int samples = 7, double minimumSampleMs = 20)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 250)
        {
            action();
        }

        int repeat = 1;
        while (Measure(action, repeat) < minimumSampleMs / 1000 && repeat < 1 << 20)
        {
            repeat *= 2;
        }

        double[] times = Enumerable.Range(0, samples).Select(_ => Measure(action, repeat) / repeat * 1e6).OrderBy(t => t).ToArray();
        return times[samples / 2];
    }

    private static double Measure(Action action, int repeat)
    {
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < repeat; k++)
        {
            action();
        }

        return clock.Elapsed.TotalSeconds;
    }
}
