using System;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// Loops whose iterations each compute one element of a row through inner loops the same for all of them (the pairwise
/// distances) run four (eight) iterations at a time, one per <c>Vector256</c> lane: every element has the user's bits, at
/// every size around the lanes' count, and loops whose iterations depend on each other (a row read while written, inner
/// bounds that depend on the iteration) keep the scalar loop.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class OuterLaneTests : IDisposable
{
    private const string Source = """
        using System;
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            /// <summary>The peers' distances: one lane per point j, the dimensions k one loop for all four.</summary>
            [Parallelise(MinIterations = 2)]
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

            /// <summary>float lanes, eight per vector: a weighted distance with a float invariant.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Weighted(float[] x, float[] w, int n, int d, float scale, float[] result)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        float s = 0f;
                        for (int k = 0; k < d; k++)
                        {
                            float t = x[j * d + k] - x[i * d + k];
                            s += w[k] * t * t;
                        }

                        result[i * n + j] = MathF.Sqrt(s) * scale;
                    }
                }
            }

            /// <summary>
            /// Two inner loops (a step of 2 with an inclusive bound, then one offset by 1), a value between them, assignments with
            /// = and *=, the counter converted, an int product converted per lane, and a row of the result offset by one.
            /// </summary>
            [Parallelise(MinIterations = 2)]
            public static void Mixed(double[] a, double[] b, int n, int m, int scale, double[] c)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double s = 0;
                        double p = 1;
                        for (int k = 0; k <= m; k += 2)
                        {
                            double t = a[j * (m + 1) + k] - b[i * (m + 1) + k];
                            s += t * t;
                            p *= 0.5;
                        }

                        double q = s / (1 + p);
                        for (int k = 1; k < m; k++)
                        {
                            q -= a[j + k - 1] * -0.25;
                            p = q + (double)(i * j * scale);
                        }

                        c[i * (n + 1) + j + 1] = q * p + (double)j * 0.125;
                    }
                }
            }

            /// <summary>The inner loop's variable converted implicitly, the same in every lane.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Moments(double[] a, int n, int m, double[] c)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double s = i;
                        for (int k = 0; k < m; k++)
                        {
                            s += a[j * m + k] * k;
                        }

                        c[i * n + j] = s;
                    }
                }
            }

            /// <summary>Reads the element its previous iteration wrote: the lanes would miss it.</summary>
            [Parallelise(MinIterations = 2)]
            public static void ReadsWritten(double[] x, double[] result, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 1; j < n; j++)
                    {
                        double s = result[i * n + j - 1];
                        for (int k = 0; k < n; k++)
                        {
                            s += x[j * n + k] * 0.5;
                        }

                        result[i * n + j] = s;
                    }
                }
            }

            /// <summary>The inner loop's bound is the iteration's own: lanes would run different counts.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Triangle(double[] x, int n, double[] result)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double s = 0;
                        for (int k = 0; k < j; k++)
                        {
                            s += x[i * n + k];
                        }

                        result[i * n + j] = s;
                    }
                }
            }

            /// <summary>A matrix-vector product: the parallel loop's own rows, one per iteration.</summary>
            [Parallelise(MinIterations = 2)]
            public static void MatVec(double[] a, double[] v, int n, int m, double[] y)
            {
                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int k = 0; k < m; k++)
                    {
                        s += a[i * m + k] * v[k];
                    }

                    y[i] = s;
                }
            }

            /// <summary>float rows of the parallel loop, a store one element on, the counter converted.</summary>
            [Parallelise(MinIterations = 2)]
            public static void RowNorms(float[] a, int n, int m, float[] norms)
            {
                for (int i = 0; i < n; i++)
                {
                    float s = 0f;
                    for (int k = 0; k < m; k++)
                    {
                        float t = a[i * m + k] - i;
                        s += t * t;
                    }

                    norms[i + 1] = MathF.Sqrt(s) / (i + 1f);
                }
            }

            /// <summary>A call the lanes cannot make: the scalar loop.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Kernel(double[] x, int n, int d, double[] result)
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

                        result[i * n + j] = Math.Exp(-s);
                    }
                }
            }
        }
        """;

    private static readonly int[] Sizes = { 0, 1, 3, 4, 5, 7, 8, 9, 17, 33 };

    private readonly KernelRunner _kernels = new(Source);

    public void Dispose() => _kernels.Dispose();

    private static string Generated(string method)
        => TestCompiler.Generate(Source).Sources.Single(s => s.Key.Contains("." + method + ".", StringComparison.Ordinal)).Value;

    private static string[] OuterLoops(string method)
        => Generated(method).Split('\n').Where(l => l.Contains("// SIMD across ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();

    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (random.NextDouble() - 0.5) * 100).ToArray();
    }

    [Fact]
    public void Rows_of_independent_elements_take_lanes_and_dependent_ones_do_not()
    {
        Assert.StartsWith("// SIMD across j: 4 iterations of the loop below at a time, j = __j + l in lane l of Vector256<double>.", Assert.Single(OuterLoops("Distances")), StringComparison.Ordinal);
        Assert.Contains("Vector256<float>", Assert.Single(OuterLoops("Weighted")), StringComparison.Ordinal);
        Assert.Single(OuterLoops("Mixed"));
        Assert.Single(OuterLoops("Moments"));
        Assert.Empty(OuterLoops("ReadsWritten"));
        Assert.Empty(OuterLoops("Triangle"));
        Assert.Empty(OuterLoops("Kernel"));

        // The parallel loop's own rows stay one per iteration (their inner sums in lanes): four rows of a large matrix read
        // side by side measured 1.8x slower than one row at a time at 100 columns, 1.4x faster at 2 000.
        Assert.Empty(OuterLoops("MatVec"));
        Assert.Empty(OuterLoops("RowNorms"));
    }

    [Fact]
    public void Rows_of_the_parallel_loop_have_the_users_bits()
    {
        foreach (int n in Sizes.Append(130))
        {
            foreach (int m in new[] { 0, 1, 3, 8, 9 })
            {
                double[] a = Values(n * m, n * 7 + m);
                double[] v = Values(m, m + 100);
                Equivalence.AssertSame(_kernels, "MatVec", () => new object?[] { a, v, n, m, new double[n] });
                float[] f = a.Select(x => (float)x).ToArray();
                Equivalence.AssertSame(_kernels, "RowNorms", () => new object?[] { f, n, m, new float[n + 1] });
            }
        }
    }

    [Fact]
    public void Another_array_of_the_same_type_is_compared_with_the_one_written()
    {
        Assert.Contains("!global::System.Object.ReferenceEquals(x, result)", Generated("Distances"), StringComparison.Ordinal);
        Assert.Contains("!global::System.Object.ReferenceEquals(a, c)", Generated("Mixed"), StringComparison.Ordinal);
        Assert.Contains("!global::System.Object.ReferenceEquals(b, c)", Generated("Mixed"), StringComparison.Ordinal);
    }

    [Fact]
    public void Distances_have_the_users_bits()
    {
        foreach (int n in Sizes)
        {
            foreach (int d in new[] { 0, 1, 3, 8, 9 })
            {
                double[] x = Values(n * d, n * 31 + d);
                Equivalence.AssertSame(_kernels, "Distances", () => new object?[] { x, n, d, new double[n * n] });
                Equivalence.AssertSame(_kernels, "Kernel", () => new object?[] { x, n, d, new double[n * n] });
            }
        }
    }

    [Fact]
    public void Float_lanes_have_the_users_bits()
    {
        foreach (int n in Sizes.Append(23))
        {
            foreach (int d in new[] { 0, 2, 5 })
            {
                float[] x = Values(n * d, n + d).Select(v => (float)v).ToArray();
                float[] w = Values(d, d).Select(v => (float)Math.Abs(v)).ToArray();
                Equivalence.AssertSame(_kernels, "Weighted", () => new object?[] { x, w, n, d, 0.75f, new float[n * n] });
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1_000_003)]
    public void Several_inner_loops_and_per_lane_integers_have_the_users_bits(int scale)
    {
        foreach (int n in Sizes)
        {
            foreach (int m in new[] { 0, 1, 2, 5 })
            {
                double[] a = Values(n * (m + 1) + m, n + m);
                double[] b = Values(n * (m + 1), n - m);
                Equivalence.AssertSame(_kernels, "Mixed", () => new object?[] { a, b, n, m, scale, new double[n * (n + 1) + 1] });
                Equivalence.AssertSame(_kernels, "Moments", () => new object?[] { a, n, m, new double[n * n] });
            }
        }
    }

    [Fact]
    public void Dependent_iterations_give_what_the_users_loop_gives()
    {
        foreach (int n in Sizes)
        {
            double[] x = Values(n * n, n);
            Equivalence.AssertSame(_kernels, "ReadsWritten", () => new object?[] { x, Values(n * n, n + 1), n });
            Equivalence.AssertSame(_kernels, "Triangle", () => new object?[] { x, n, new double[n * n] });
        }
    }

    [Fact]
    public void The_same_array_passed_twice_gives_what_the_users_loop_gives()
    {
        const int n = 12, d = 12;
        Equivalence.AssertSame(_kernels, "Distances", () =>
        {
            double[] same = Values(n * n, 5);
            return new object?[] { same, n, d, same };
        });
    }
}
