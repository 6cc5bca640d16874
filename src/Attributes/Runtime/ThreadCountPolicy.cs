using System;
using System.Globalization;
using System.Threading;

namespace AutoParallel;

/// <summary>
/// The process-wide thread count (numba's <c>set_num_threads</c>, OpenMP's <c>OMP_NUM_THREADS</c>) and the meaning of a
/// loop's <see cref="ParalleliseAttribute.MaxDegreeOfParallelism"/> (joblib's <c>n_jobs</c>).
/// </summary>
internal static class ThreadCountPolicy
{
    public const string EnvironmentVariable = "AUTOPARALLEL_NUM_THREADS";

    private static int s_numThreads = ReadDefault();

    /// <summary><c>AUTOPARALLEL_NUM_THREADS</c> when it holds a positive integer, else <see cref="Environment.ProcessorCount"/>.</summary>
    public static int Default { get; } = ReadDefault();

    public static int NumThreads
    {
        get => Volatile.Read(ref s_numThreads);
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The thread count must be at least 1.");
            }

            Volatile.Write(ref s_numThreads, value);
        }
    }

    /// <summary>
    /// 0: every runtime thread; n &gt; 0: at most n; n &lt; 0: <c>cores + 1 + n</c> (-1 all cores, -2 all but one), at least 1.
    /// The result never exceeds <see cref="NumThreads"/>: the global setting is the cap, as in numba.
    /// </summary>
    public static int Resolve(int maxDegreeOfParallelism)
    {
        int threads = NumThreads;
        int wanted = maxDegreeOfParallelism switch
        {
            0 => threads,
            > 0 => maxDegreeOfParallelism,
            _ => Environment.ProcessorCount + 1 + maxDegreeOfParallelism,
        };
        return Math.Clamp(wanted, 1, threads);
    }

    private static int ReadDefault() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The thread count an <c>AUTOPARALLEL_NUM_THREADS</c> value asks for; anything but a positive integer means the processor count.</summary>
    internal static int Parse(string? text)
        => int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : Environment.ProcessorCount;
}
