using System;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// Innermost loops that write one element of a row per iteration, <c>x[i * n + j] = f(j, …)</c>, compute four (eight) elements
/// at a time in <c>Vector256</c> lanes and store them at once: every element has the user's bits, the counter's lanes are
/// exact (also for <see langword="float"/> above 2^24), and a row read just behind the row written (a recurrence, or the same
/// array passed twice) gives what the user's loop gives.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class LaneStoreTests : IDisposable
{
    private const string Source = """
        using System;
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            /// <summary>The seed's table: the counter and the row's number in lanes.</summary>
            [Parallelise(MinIterations = 2)]
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

            /// <summary>float lanes: an int counter far above 2^24 rounds as the user's conversion rounds it; a long and a float invariant.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Floats(float[] f, int start, int m, int n, long scale, float shift)
            {
                for (int i = 0; i < n; i++)
                {
                    float bias = i * 0.25f;
                    for (int j = start; j < start + m; j++)
                    {
                        float t = j * 0.5f + scale;
                        f[i * m + j - start] = t * bias - shift;
                    }
                }
            }

            /// <summary>Element-wise rows with loads at offsets, a constant fill and an inclusive bound.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Rows(double[] a, double[] b, double[] c, double[] d, int n, float w)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 1; j < n - 1; j++)
                    {
                        double left = a[i * n + j - 1];
                        c[i * n + j] = Math.Sqrt(left * left + b[j]) / w - a[i * n + j + 1];
                    }

                    for (int j = 0; j <= n - 1; j++)
                    {
                        d[i * n + j] = -2.5;
                    }
                }
            }

            /// <summary>Each element reads the one just written: a recurrence along the row, never in lanes.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Recurrence(double[] x, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 1; j < n; j++)
                    {
                        x[i * n + j] = x[i * n + j - 1] * 0.5 + j;
                    }
                }
            }

            /// <summary>Four behind: the elements read were written by an earlier vector, so lanes are the same.</summary>
            [Parallelise(MinIterations = 2)]
            public static void FourBehind(double[] x, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 4; j < n; j++)
                    {
                        x[i * n + j] = x[i * n + j - 4] + 1;
                    }
                }
            }

            /// <summary>Reads a row of one array, writes a row of another: the same array when passed twice.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Shift(double[] source, double[] target, int n, int behind)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = behind; j < n; j++)
                    {
                        target[i * n + j] = source[i * n + j - behind] * 0.5 + 1;
                    }
                }
            }

            /// <summary>Reads the row it writes, a variable distance behind: the two rows are checked before the vector loop.</summary>
            [Parallelise(MinIterations = 2)]
            public static void ShiftInPlace(double[] x, int n, int behind)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = behind; j < n; j++)
                    {
                        x[i * n + j] = x[i * n + j - behind] * 0.5 + 1;
                    }
                }
            }

            /// <summary>Loops without braces: the vector loop gets a block of its own.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Unbraced(double[] x, int n)
            {
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        x[i * n + j] = (double)i * j;
            }

            /// <summary>Inner loops that are the bodies of an if, an else and a for, without braces.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Branches(double[] x, double[] y, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    if (i % 2 == 0)
                        for (int j = 0; j < n; j++)
                            x[i * n + j] = j * 0.5;
                    else
                        for (int j = 0; j < n; j++)
                            x[i * n + j] = -j;
                    for (int t = 0; t < 3; t++)
                        for (int j = 0; j < n; j++)
                            y[i * n + j] += x[i * n + j] * t;
                }
            }

            /// <summary>
            /// int arithmetic converted to double: once per row where it does not read the counter, once per lane where it does
            /// (the seed's i * j), wrapping as int wraps; a float row of the same.
            /// </summary>
            [Parallelise(MinIterations = 2)]
            public static void IntegerTerms(double[] a, double[] x, float[] f, int n, int scale)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        x[i * n + j] = a[i * n + j] * (double)(i * scale + 1) + i * j * scale;
                    }

                    for (int j = 0; j < n; j++)
                    {
                        f[i * n + j] = (float)(scale - j * j) * 0.5f + i * j;
                    }
                }
            }

            /// <summary>A sum with the counter in its lanes.</summary>
            [Parallelise(MinIterations = 2)]
            public static void Moments(double[] a, double[] moments, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int k = 0; k < n; k++)
                    {
                        s += a[i * n + k] * k;
                    }

                    moments[i] = s;
                }
            }
        }
        """;

    private static readonly int[] Sizes = { 0, 1, 3, 4, 5, 8, 9, 17, 33, 130 };

    private readonly KernelRunner _kernels = new(Source);

    public void Dispose() => _kernels.Dispose();

    private static string Generated(string method)
        => TestCompiler.Generate(Source).Sources.Single(s => s.Key.Contains("." + method + ".", StringComparison.Ordinal)).Value;

    private static string[] VectorLoops(string method)
        => Generated(method).Split('\n').Where(l => l.Contains("// SIMD: ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();

    [Fact]
    public void Row_writes_take_vector_lanes_and_recurrences_do_not()
    {
        Assert.Equal("// SIMD: x[…] = … over 4 elements at a time in Vector256<double> lanes, one store per 4: each lane computes", Assert.Single(VectorLoops("Table")));
        Assert.Contains("Vector256<float>", Assert.Single(VectorLoops("Floats")), StringComparison.Ordinal);
        Assert.Equal(2, VectorLoops("Rows").Length);
        Assert.Single(VectorLoops("FourBehind"));
        Assert.Single(VectorLoops("Shift"));
        Assert.Single(VectorLoops("ShiftInPlace"));
        Assert.Single(VectorLoops("Moments"));
        Assert.Single(VectorLoops("Unbraced"));
        Assert.Equal(2, VectorLoops("Branches").Length); // x[…] = j * 0.5 and x[…] = -j; the compound y[…] += … keeps the scalar loop
        Assert.Empty(VectorLoops("Recurrence"));
    }

    [Fact]
    public void Rows_of_arrays_that_may_be_one_are_checked_before_the_vector_loop()
    {
        Assert.Contains("Unsafe.ByteOffset(ref __source_row, ref __target_row) is not (> 0 and < 32)", Generated("Shift"), StringComparison.Ordinal);
        Assert.Contains("Unsafe.ByteOffset(ref __x_row1, ref __x_row) is not (> 0 and < 32)", Generated("ShiftInPlace"), StringComparison.Ordinal);
        Assert.DoesNotContain("ByteOffset", Generated("Table"), StringComparison.Ordinal);
        Assert.DoesNotContain("ByteOffset", Generated("FourBehind"), StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_terms_are_converted_once_per_row_or_once_per_lane()
    {
        string generated = Generated("IntegerTerms");
        Assert.Equal(2, VectorLoops("IntegerTerms").Length);
        Assert.Contains("var __value_lanes = global::System.Runtime.Intrinsics.Vector256.Create((double)(i * scale + 1));", generated, StringComparison.Ordinal);
        Assert.Contains("(double)(i * (__j + 3) * scale))", generated, StringComparison.Ordinal);
        Assert.Contains("(float)(scale - (__j1 + 7) * (__j1 + 7))", generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-7)]
    [InlineData(3_000_017)]
    public void Integer_terms_have_the_users_bits(int scale)
    {
        foreach (int n in Sizes)
        {
            double[] a = Enumerable.Range(0, n * n).Select(v => 1.0 / (v + 3)).ToArray();
            Equivalence.AssertSame(_kernels, "IntegerTerms", () => new object?[] { a, new double[n * n], new float[n * n], n, scale });
        }
    }

    [Fact]
    public void The_table_has_the_users_bits()
    {
        foreach (int n in Sizes)
        {
            Equivalence.AssertSame(_kernels, "Table", () => new object?[] { new double[n * n], n });
            Equivalence.AssertSame(_kernels, "Unbraced", () => new object?[] { new double[n * n], n });
        }
    }

    [Fact]
    public void Loops_without_braces_get_a_block_for_their_rows()
    {
        string branches = Generated("Branches");
        Assert.Equal(3, branches.Split("ref double __x_row").Length - 1);
        Assert.Contains("ref double __y_row", branches, StringComparison.Ordinal);
        foreach (int n in Sizes)
        {
            Equivalence.AssertSame(_kernels, "Branches", () => new object?[] { new double[n * n], Enumerable.Range(0, n * n).Select(v => v * 0.25).ToArray(), n });
        }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(16_777_217, 7, 3)]
    [InlineData(16_777_213, 29, 5)]
    [InlineData(2_147_483_000, 47, 2)]
    [InlineData(-40, 9, 9)]
    public void Float_lanes_convert_the_counter_as_the_user_does(int start, int m, int n)
        => Equivalence.AssertSame(_kernels, "Floats", () => new object?[] { new float[m * n], start, m, n, 3_000_000_019L, 1.75f });

    [Fact]
    public void Element_wise_rows_have_the_users_bits()
    {
        foreach (int n in Sizes)
        {
            var random = new Random(n);
            double[] a = Enumerable.Range(0, n * n).Select(_ => (random.NextDouble() - 0.5) * 1e3).ToArray();
            double[] b = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
            Equivalence.AssertSame(_kernels, "Rows", () => new object?[] { a, b, new double[n * n], new double[n * n], n, 0.3f });
        }
    }

    [Fact]
    public void Recurrences_along_the_row_equal_the_users()
    {
        foreach (int n in Sizes)
        {
            double[] x = Enumerable.Range(0, n * n).Select(v => 1.0 / (v + 1)).ToArray();
            Equivalence.AssertSame(_kernels, "Recurrence", () => new object?[] { x.ToArray(), n });
            Equivalence.AssertSame(_kernels, "FourBehind", () => new object?[] { x.ToArray(), n });
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void A_row_read_just_behind_the_row_written_gives_what_the_users_loop_gives(int behind)
    {
        const int n = 300;
        double[] x = Enumerable.Range(0, n * n).Select(v => Math.Sqrt(v + 2)).ToArray();
        Equivalence.AssertSame(_kernels, "Shift", () =>
        {
            double[] same = x.ToArray();
            return new object?[] { same, same, n, behind };
        });
        Equivalence.AssertSame(_kernels, "Shift", () => new object?[] { x.ToArray(), new double[n * n], n, behind });
        Equivalence.AssertSame(_kernels, "ShiftInPlace", () => new object?[] { x.ToArray(), n, behind });
    }

    [Fact]
    public void Sums_with_the_counter_in_lanes_have_the_users_bits()
    {
        foreach (int n in Sizes)
        {
            var random = new Random(n + 1);
            double[] a = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
            Equivalence.AssertSame(_kernels, "Moments", () => new object?[] { a, new double[n], n });
        }
    }
}
