namespace AutoParallel.Benchmarks;

/// <summary>
/// Loops whose bodies cost almost nothing, to measure what a parallel region itself costs (issue 6, target 5), and a
/// parallel method called inside another's loop, to measure the nested-region guard (target 6): Mandelbrot rows, because
/// compute-bound work shows oversubscription, and because their generated twin runs the user's body as written, so nested
/// and flat run the same inner code.
/// </summary>
public static partial class OverheadKernels
{
    /// <summary><c>a[i] = i</c>, forced parallel whatever the length: static blocks, one per worker, from 1 iteration on.</summary>
    [Parallelise(MinIterations = 1, Schedule = Schedule.Static)]
    public static void FillForced(int[] a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = i;
        }
    }

    /// <summary><c>a[i] = i</c> with the default threshold, so a tiny array takes the generated method's sequential fall-back.</summary>
    [Parallelise]
    public static void Fill(int[] a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = i;
        }
    }

    /// <summary>
    /// One row of the Mandelbrot grid (<see cref="ParallelKernels.Mandelbrot"/>'s body for row <c>ci</c>): the escape count of
    /// every <c>re[c] + i·ci</c>. Its generated twin parallelises the columns.
    /// </summary>
    [Parallelise]
    public static void MandelbrotRow(double[] re, double ci, int maxIterations, int[] counts)
    {
        for (int c = 0; c < re.Length; c++)
        {
            double cr = re[c];
            double a = cr, b = ci;
            int count = -1;
            for (int k = 0; k < maxIterations; k++)
            {
                if (a * a + b * b >= 16)
                {
                    count = k;
                    break;
                }

                double t = (a * a - b * b) + cr;
                b = (a * b + b * a) + ci;
                a = t;
            }

            counts[c] = count;
        }
    }

    /// <summary>Every row with the sequential <see cref="MandelbrotRow"/>: in the generated twin, flat parallelism over rows.</summary>
    [Parallelise]
    public static void MandelbrotRows(double[] re, double[] im, int maxIterations, int[][] counts)
    {
        for (int r = 0; r < im.Length; r++)
        {
#pragma warning disable AP0008 // the callee writes the row it is given, and the rows of counts are distinct arrays
            MandelbrotRow(re, im[r], maxIterations, counts[r]);
#pragma warning restore AP0008
        }
    }

#pragma warning disable AP0006 // the nested parallel region is what this benchmark measures: the guard runs it sequentially
    /// <summary>
    /// Every row with the generated <see cref="MandelbrotRowParallel"/>: in the generated twin that is a parallel region inside a
    /// parallel loop, which the runtime's guard runs sequentially on the calling worker; in this (sequential) method, one
    /// parallel region per row.
    /// </summary>
    [Parallelise]
    public static void NestedMandelbrotRows(double[] re, double[] im, int maxIterations, int[][] counts)
    {
        for (int r = 0; r < im.Length; r++)
        {
            MandelbrotRowParallel(re, im[r], maxIterations, counts[r]);
        }
    }
#pragma warning restore AP0006
}
