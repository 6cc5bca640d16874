namespace AutoParallel.Generator.Tests.Execution;

/// <summary>PolyBench/C 4.2 kernels, translated to C# as a user would write them, each marked [Parallelise].</summary>
internal static class PolyBenchKernels
{
    public const string Source = """
        using AutoParallel;

        namespace Demo;

        public static partial class Kernels
        {
            [Parallelise(MinIterations = 2)]
            public static void Gemm(double alpha, double beta, double[][] c, double[][] a, double[][] b)
            {
                for (int i = 0; i < c.Length; i++)
                {
                    for (int j = 0; j < c[i].Length; j++) c[i][j] *= beta;
                    for (int k = 0; k < a[i].Length; k++)
                        for (int j = 0; j < c[i].Length; j++)
                            c[i][j] += alpha * a[i][k] * b[k][j];
                }
            }

            [Parallelise(MinIterations = 2)]
            public static void TwoMm(double alpha, double beta, double[][] tmp, double[][] a, double[][] b, double[][] c, double[][] d)
            {
                for (int i = 0; i < tmp.Length; i++)
                    for (int j = 0; j < tmp[i].Length; j++)
                    {
                        tmp[i][j] = 0.0;
                        for (int k = 0; k < a[i].Length; k++) tmp[i][j] += alpha * a[i][k] * b[k][j];
                    }

                for (int i = 0; i < d.Length; i++)
                    for (int j = 0; j < d[i].Length; j++)
                    {
                        d[i][j] *= beta;
                        for (int k = 0; k < tmp[i].Length; k++) d[i][j] += tmp[i][k] * c[k][j];
                    }
            }

            [Parallelise(MinIterations = 2)]
            public static void Atax(double[][] a, double[] x, double[] y, double[] tmp)
            {
                for (int i = 0; i < y.Length; i++) y[i] = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    tmp[i] = 0.0;
                    for (int j = 0; j < x.Length; j++) tmp[i] = tmp[i] + a[i][j] * x[j];
                    for (int j = 0; j < y.Length; j++) y[j] = y[j] + a[i][j] * tmp[i];
                }
            }

            [Parallelise(MinIterations = 2)]
            public static void Mvt(double[] x1, double[] x2, double[] y1, double[] y2, double[][] a)
            {
                for (int i = 0; i < x1.Length; i++)
                    for (int j = 0; j < y1.Length; j++)
                        x1[i] = x1[i] + a[i][j] * y1[j];
                for (int i = 0; i < x2.Length; i++)
                    for (int j = 0; j < y2.Length; j++)
                        x2[i] = x2[i] + a[j][i] * y2[j];
            }

            [Parallelise(MinIterations = 2)]
            public static void Gesummv(double alpha, double beta, double[][] a, double[][] b, double[] tmp, double[] x, double[] y)
            {
                for (int i = 0; i < y.Length; i++)
                {
                    tmp[i] = 0.0;
                    y[i] = 0.0;
                    for (int j = 0; j < x.Length; j++)
                    {
                        tmp[i] = a[i][j] * x[j] + tmp[i];
                        y[i] = b[i][j] * x[j] + y[i];
                    }

                    y[i] = alpha * tmp[i] + beta * y[i];
                }
            }

            [Parallelise(Schedule = Schedule.Dynamic, MinIterations = 2)]
            public static void Syrk(double alpha, double beta, double[][] c, double[][] a)
            {
                for (int i = 0; i < c.Length; i++)
                {
                    for (int j = 0; j <= i; j++) c[i][j] *= beta;
                    for (int k = 0; k < a[i].Length; k++)
                        for (int j = 0; j <= i; j++)
                            c[i][j] += alpha * a[i][k] * a[j][k];
                }
            }

            [Parallelise(MinIterations = 2)]
            public static void Covariance(double floatN, double[][] data, double[][] cov, double[] mean)
            {
                int m = mean.Length;
                for (int j = 0; j < m; j++)
                {
                    mean[j] = 0.0;
                    for (int i = 0; i < data.Length; i++) mean[j] += data[i][j];
                    mean[j] /= floatN;
                }

                for (int i = 0; i < data.Length; i++)
                    for (int j = 0; j < m; j++)
                        data[i][j] -= mean[j];

                for (int i = 0; i < m; i++)
                    for (int j = i; j < m; j++)
                    {
                        cov[i][j] = 0.0;
                        for (int k = 0; k < data.Length; k++) cov[i][j] += data[k][i] * data[k][j];
                        cov[i][j] /= floatN - 1.0;
                        cov[j][i] = cov[i][j];
                    }
            }

            [Parallelise(MinIterations = 2)]
            public static void Jacobi2D(int steps, double[,] a, double[,] b)
            {
                int n = a.GetLength(0);
                for (int t = 0; t < steps; t++)
                {
                    for (int i = 1; i < n - 1; i++)
                        for (int j = 1; j < n - 1; j++)
                            b[i, j] = 0.25 * (a[i, j - 1] + a[i, 1 + j] + a[1 + i, j] + a[i - 1, j]);
                    for (int i = 1; i < n - 1; i++)
                        for (int j = 1; j < n - 1; j++)
                            a[i, j] = 0.25 * (b[i, j - 1] + b[i, 1 + j] + b[1 + i, j] + b[i - 1, j]);
                }
            }
        }
        """;

    /// <summary>Seidel-2D updates in place, reading neighbours already updated in the same sweep: no level is independent.</summary>
    public const string Seidel = """
        using AutoParallel;
        public static partial class Kernels
        {
            [Parallelise]
            public static void Seidel2D(int steps, double[,] a)
            {
                int n = a.GetLength(0);
                for (int t = 0; t <= steps - 1; t++)
                    for (int i = 1; i <= n - 2; i++)
                        for (int j = 1; j <= n - 2; j++)
                            a[i, j] = (a[i - 1, j - 1] + a[i - 1, j] + a[i - 1, j + 1] + a[i, j - 1] + a[i, j] + a[i, j + 1] + a[i + 1, j - 1] + a[i + 1, j] + a[i + 1, j + 1]) / 9.0;
            }
        }
        """;
}
