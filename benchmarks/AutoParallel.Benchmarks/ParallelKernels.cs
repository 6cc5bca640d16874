using System;

namespace AutoParallel.Benchmarks;

/// <summary>
/// The peers' kernels (../shared/peers/README.md) written as a user would write them, with <c>[Parallelise]</c>: each method
/// is the sequential reference, and the generator adds its <c>…Parallel</c> twin.
/// </summary>
public static partial class ParallelKernels
{
    /// <summary><c>s = Σ x[i]</c>: a deterministic parallel reduction in the generated twin.</summary>
    [Parallelise]
    public static double Sum(double[] x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i];
        }

        return s;
    }

    /// <summary>
    /// The seed's Mandelbrot escape counts, row-major into <paramref name="counts"/>: point <c>(r, c)</c> is
    /// <c>re[c] + i·im[r]</c>; <c>z = c</c>, escape when <c>|z|² ≥ 16</c>, -1 when it never does. The rows are the parallel loop.
    /// </summary>
    [Parallelise]
    public static void Mandelbrot(double[] re, double[] im, int maxIterations, int[] counts)
    {
        int n = re.Length;
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                double cr = re[c], ci = im[r];
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

                counts[r * n + c] = count;
            }
        }
    }

    /// <summary>
    /// Pairwise Euclidean distances of the <paramref name="n"/> points of dimension <paramref name="d"/> in <paramref name="x"/>
    /// (row-major), the full n×n matrix into <paramref name="result"/>; the rows <c>i</c> are the parallel loop.
    /// </summary>
    [Parallelise]
    public static void Distances(double[] x, int n, int d, double[] result)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < d; k++)
                {
                    double t = x[i * d + k] - x[j * d + k];
                    s += t * t;
                }

                result[i * n + j] = Math.Sqrt(s);
            }
        }
    }

    /// <summary>The seed's multiplication table, <c>x[i·n + j] = i·j</c>; the rows <c>i</c> are the parallel loop.</summary>
    [Parallelise]
    public static void Table(double[] x, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                x[i * n + j] = (double)i * j;
            }
        }
    }
}
