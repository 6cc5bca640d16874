using System;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// Loop nests over flattened arrays check their indices once per chunk (<c>IndexRange</c>) and then run without a bounds check
/// per element: the results are the user's, bit for bit, and wherever an index of the user's loop would be out of range the
/// chunk runs as written and throws what the user's loop throws.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class UncheckedIndexingTests : IDisposable
{
    private const string Source = """
        using System;
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Parallelise(MinIterations = 2)]
            public static void Distances(double[] x, int n, int d, double[] result)
            {
                for (int i = 0; i < n; i++)
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

            /// <summary>A stencil: the row offsets -1 and +1 stay with the column, the row above is a private local.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Smooth(float[] current, float[] next, int width, int height)
            {
                for (int row = 1; row < height - 1; row++)
                {
                    int above = (row - 1) * width;
                    for (int column = 1; column < width - 1; column++)
                    {
                        next[row * width + column] = (current[above + column] + current[row * width + column - 1]
                            + current[row * width + column + 1]) / 3;
                    }
                }
            }

            /// <summary>Triangular rows, an inclusive bound, a step of 2 and a byte offset.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Shapes(long[] m, long[] sums, int n, byte shift)
            {
                for (int i = 0; i < n; i++)
                {
                    long s = 0;
                    for (int j = i; j <= n - 1; j++)
                    {
                        s += m[i * n + j];
                    }

                    for (int j = 0; j < n; j += 2)
                    {
                        s -= m[j * n + shift];
                    }

                    sums[i] = s;
                }
            }

            /// <summary>Writes before the row it reads: reads one element before the array at i = 0.</summary>
            [Parallelise(MinIterations = 2)]
            public static void ShiftLeft(int[] source, int[] target, int n)
            {
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        target[i * n + j] = source[i * n + j - 1];
            }

            /// <summary>Inner sums in SIMD lanes: a matrix-vector product and a float norm with a constant and an invariant.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Lanes(double[] a, double[] v, double[] av, float[] f, float w, float[] norms, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int k = 0; k < n; k++)
                    {
                        s += a[i * n + k] * v[k];
                    }

                    av[i] = s;
                    float q = -0.0f;
                    for (int k = 1; k <= n - 1; k++)
                    {
                        float t = (f[i * n + k] - w) * 0.5f;
                        q += MathF.Sqrt(t * t + 1) / -3;
                    }

                    norms[i] = q;
                }
            }

            /// <summary>r is s itself: each term reads the sum so far, so this sum must not be taken in lanes.</summary>
            [Parallelise(MinIterations = 2)]
            public static void RefAlias(double[] a, double[] sums, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    double s = 1;
                    ref double r = ref s;
                    for (int k = 0; k < n; k++)
                    {
                        s += r * a[i * n + k];
                    }

                    sums[i] = s;
                }
            }

            /// <summary>i * 65536 * 65536 wraps to 0 in int: the user reads the first row for every i.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Wrapping(int[] source, int[] target, int n, int m)
            {
                for (int i = 0; i < n; i++)
                    for (int k = 0; k < n; k++)
                        target[i * n + k] = source[i * m * m + k];
            }
        }
        """;

    private readonly KernelRunner _kernels = new(Source);

    private static string Generated(string method)
        => TestCompiler.Generate(Source).Sources.Single(s => s.Key.Contains("." + method + ".", StringComparison.Ordinal)).Value;

    public void Dispose() => _kernels.Dispose();

    [Fact]
    public void Every_nest_over_flattened_arrays_takes_the_unchecked_path()
    {
        foreach (string method in new[] { "Distances", "Smooth", "Shapes", "ShiftLeft", "Wrapping", "Lanes" })
        {
            string text = Generated(method);
            Assert.Contains("global::AutoParallel.IndexRange.Counter(__from, __to, 1)", text, StringComparison.Ordinal);
            Assert.Contains("global::System.Runtime.CompilerServices.Unsafe.Add(ref ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Inner_sums_of_rows_take_vector_lanes()
    {
        Assert.Single(Lanes("Distances"));
        Assert.Equal(2, Lanes("Lanes").Length);
        Assert.Contains("Vector256<float>", Lanes("Lanes")[1], StringComparison.Ordinal);
        Assert.Contains("next[…] = …", Assert.Single(Lanes("Smooth")), StringComparison.Ordinal);
        Assert.Empty(Lanes("RefAlias"));

        static string[] Lanes(string method) => Generated(method).Split('\n').Where(l => l.Contains("// SIMD: ", StringComparison.Ordinal)).ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(33)]
    [InlineData(130)]
    public void Sums_in_lanes_have_the_users_bits(int n)
    {
        var random = new Random(n);
        double[] a = Enumerable.Range(0, n * n).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7))).ToArray();
        double[] v = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        float[] f = Enumerable.Range(0, n * n).Select(_ => (float)(random.NextDouble() * 100)).ToArray();
        Equivalence.AssertSame(_kernels, "Lanes", () => new object?[] { a, v, new double[n], f, 3.25f, new float[n], n });
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(1, 8)]
    [InlineData(3, 0)]
    [InlineData(7, 1)]
    [InlineData(65, 8)]
    [InlineData(300, 3)]
    public void Distances_equal_the_users_bit_for_bit(int n, int d)
    {
        var random = new Random((n * 31) + d);
        double[] x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble()).ToArray();
        Equivalence.AssertSame(_kernels, "Distances", () => new object?[] { x, n, d, new double[n * n] });
    }

    [Fact]
    public void A_sum_that_reads_itself_through_a_ref_equals_the_users()
    {
        double[] a = Enumerable.Range(0, 40 * 40).Select(v => 1.0 / (v + 3)).ToArray();
        Equivalence.AssertSame(_kernels, "RefAlias", () => new object?[] { a, new double[40], 40 });
    }

    [Fact]
    public void An_array_the_loop_never_touches_may_be_null()
    {
        // d = 0: the k loop never runs, so x is never read; the user's loop does not throw, and neither does the twin.
        Equivalence.AssertSame(_kernels, "Distances", () => new object?[] { null, 40, 0, new double[1600] });
    }

    [Fact]
    public void Too_short_an_array_throws_what_the_users_loop_throws()
    {
        double[] x = new double[(50 * 8) - 1];
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Sequential("Distances", x, 50, 8, new double[2500]));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Distances", x, 50, 8, new double[2500]));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Distances", new double[400], 50, 8, new double[2499]));
        Assert.Throws<NullReferenceException>(() => _kernels.Parallel("Distances", null, 50, 8, new double[2500]));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(64, 40)]
    [InlineData(257, 33)]
    public void A_stencil_equals_the_users(int width, int height)
    {
        var random = new Random(width);
        float[] current = Enumerable.Range(0, width * height).Select(_ => (float)random.NextDouble()).ToArray();
        Equivalence.AssertSame(_kernels, "Smooth", () => new object?[] { current, new float[width * height], width, height });
    }

    [Fact]
    public void A_stencil_over_too_small_a_grid_throws_what_the_users_loop_throws()
    {
        // The last element read is current[8 * 10 + 9], the last written next[8 * 10 + 8].
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Sequential("Smooth", new float[89], new float[100], 10, 10));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Smooth", new float[89], new float[100], 10, 10));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Smooth", new float[100], new float[88], 10, 10));
        Equivalence.AssertSame(_kernels, "Smooth", () => new object?[] { new float[90], new float[89], 10, 10 });
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(9, 3)]
    [InlineData(100, 99)]
    public void Triangular_stepped_and_inclusive_loops_equal_the_users(int n, byte shift)
    {
        long[] m = Enumerable.Range(0, n * n).Select(v => (long)v * 7919).ToArray();
        Equivalence.AssertSame(_kernels, "Shapes", () => new object?[] { m, new long[n], n, shift });
    }

    [Fact]
    public void A_byte_offset_past_the_row_throws_what_the_users_loop_throws()
    {
        long[] m = new long[100];
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Sequential("Shapes", m, new long[10], 10, (byte)100));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Shapes", m, new long[10], 10, (byte)100));
    }

    [Fact]
    public void An_index_before_the_array_throws_what_the_users_loop_throws()
    {
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Sequential("ShiftLeft", new int[100], new int[100], 10));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("ShiftLeft", new int[100], new int[100], 10));
    }

    [Fact]
    public void Index_arithmetic_that_wraps_in_int_gives_what_the_users_gives()
    {
        int[] source = Enumerable.Range(0, 64 * 64).ToArray();
        Equivalence.AssertSame(_kernels, "Wrapping", () => new object?[] { source, new int[64 * 64], 64, 65536 });
    }

    [Theory]
    [InlineData("""
        [Parallelise]
        public static void Jagged(double[][] x) { for (int i = 0; i < x.Length; i++) { double[] row = x[i]; for (int j = 0; j < row.Length; j++) row[j] = i; } }
        """)]
    [InlineData("""
        [Parallelise]
        public static void Flat(double[] x, double[] y) { for (int i = 0; i < x.Length; i++) y[i] = x[i] * 2; }
        """)]
    [InlineData("""
        [Parallelise]
        public static void WhileInside(double[] x, double[] y, int n) { for (int i = 0; i < n; i++) { int j = 0; while (j < n) { y[i] += x[i * n + j]; j++; } } }
        """)]
    [InlineData("""
        [Parallelise]
        public static void NotEqualBound(double[] x, double[] y, int n) { for (int i = 0; i < n; i++) for (int j = 0; j != n; j++) y[i] += x[i * n + j]; }
        """)]
    [InlineData("""
        [Parallelise]
        public static void ReferenceElements(string[] x, int n) { for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) x[i * n + j] = "a"; }
        """)]
    [InlineData("""
        [Parallelise]
        public static void Division(double[] x, double[] y, int n) { for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < n; j++) s += x[i * n + j / 2]; y[i] = s; } }
        """)]
    [InlineData("""
        [Parallelise]
        public static void Lambda(double[] x, double[] y, int n) { for (int i = 0; i < n; i++) { System.Func<int, double> at = j => x[i * n + j]; for (int j = 0; j < n; j++) y[i] += at(j); } }
        """)]
    public void Accesses_the_guard_cannot_bound_keep_their_bounds_checks(string method)
    {
        string source = "using AutoParallel;\nnamespace Demo;\npublic static partial class Kernels\n{\n" + method + "\n}\n";
        var run = TestCompiler.Generate(source).ShouldCompile();
        string generated = string.Join("\n", run.Sources.Values);
        Assert.Contains("global::AutoParallel.ParallelRuntime.", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("__ref_x", generated, StringComparison.Ordinal);
    }
}
