using System;

namespace AutoParallel.Benchmarks;

/// <summary>One row (or a range of rows) of each row-by-row kernel, exactly the body of the <see cref="ParallelKernels"/> loops.</summary>
public static class RowKernels
{
    /// <summary>Rows <c>[from, to)</c> of <see cref="ParallelKernels.Mandelbrot"/>.</summary>
    public static void Mandelbrot(double[] re, double[] im, int maxIterations, int[] counts, int from, int to)
    {
        int n = re.Length;
        for (int r = from; r < to; r++)
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

    /// <summary>Rows <c>[from, to)</c> of <see cref="ParallelKernels.Distances"/>.</summary>
    public static void Distances(double[] x, int n, int d, double[] result, int from, int to)
    {
        for (int i = from; i < to; i++)
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

    /// <summary>Rows <c>[from, to)</c> of <see cref="ParallelKernels.Table"/>.</summary>
    public static void Table(double[] x, int n, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            for (int j = 0; j < n; j++)
            {
                x[i * n + j] = (double)i * j;
            }
        }
    }
}
