using System.Linq;
using System.Runtime.CompilerServices;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Parallelise;

/// <summary>The generated source of each [Parallelise] feature, against checked-in baselines.</summary>
public sealed class ParalleliseSnapshotTests
{
    [Fact]
    public void Sum_reduction()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static double Sum(double[] values)
                {
                    double sum = 0;
                    for (int i = 0; i < values.Length; i++)
                    {
                        sum += values[i];
                    }

                    return sum;
                }
            }
            """);

    [Fact]
    public void Element_wise_array_writes()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Scale(double[] source, double[] target, double factor)
                {
                    for (int i = 0; i < source.Length; i++)
                        target[i] = source[i] * factor;
                }
            }
            """);

    [Fact]
    public void Outer_loop_of_a_nested_table()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Table(double[][] x)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        double[] row = x[i];
                        for (int j = 0; j < row.Length; j++)
                        {
                            row[j] = (double)i * j;
                        }
                    }
                }
            }
            """);

    [Fact]
    public void Flattened_table_written_in_vector_lanes()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Table(double[] x, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        if (i % 2 == 0)
                            for (int j = 0; j < n; j++)
                                x[i * n + j] = (double)i * j;
                        else
                            for (int j = 1; j < n; j++)
                                x[i * n + j] = x[i * n + j - 1] + 1;
                    }
                }
            }
            """);

    [Fact]
    public void Flattened_rows_checked_once_per_chunk()
        => Verify("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
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

                [Parallelise]
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
            }
            """);

    [Fact]
    public void Product_and_sum_with_statements_around_the_loop()
        => Verify("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static long SumAndProduct(int[] values, out long product)
                {
                    if (values is null) throw new ArgumentNullException(nameof(values));
                    long sum = 10;
                    long p = 1;
                    for (int i = 0; i < values.Length; i += 2)
                    {
                        sum += values[i];
                        p *= values[i] % 7 + 1;
                    }

                    product = p;
                    return sum;
                }
            }
            """);

    [Fact]
    public void Instance_method_reading_fields()
        => Verify("""
            using AutoParallel;
            namespace Demo.Nested
            {
                public partial class Outer
                {
                    internal sealed partial class Scaler
                    {
                        private readonly double _factor;
                        public Scaler(double factor) => _factor = factor;
                        private double Apply(double x) => x * _factor;

                        [Parallelise]
                        public void Scale(double[] data)
                        {
                            for (long i = 0; i <= data.Length - 1; i++)
                            {
                                data[i] = Apply(data[i]) + this._factor;
                            }
                        }
                    }
                }
            }
            """);

    [Fact]
    public void Spans_pinned_by_the_runtime_without_unsafe_code()
        => Verify("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> products)
                {
                    float dot = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        products[i] = x[i] * y[i];
                        dot += products[i];
                    }

                    return dot;
                }
            }
            """, allowUnsafe: false);

    [Fact]
    public void Prange_with_step_and_long_ranges()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Odd(int[] a, long[] b, int step)
                {
                    foreach (var i in Prange.Range(1, a.Length, 2))
                        a[i] = -i;
                    foreach (var i in Prange.Range(0L, b.LongLength))
                        b[i] = i * 7;
                    foreach (var i in Prange.Range(0, a.Length, step))
                        a[i] += 1;
                }
            }
            """);

    [Fact]
    public void Foreach_over_arrays_ref_spans_and_memory()
        => Verify("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static double Elements(float[] values, Span<int> counts, Memory<double> memory)
                {
                    double sum = 0;
                    foreach (double v in values) sum += v * v;
                    foreach (ref int c in counts) c = c * 2 + 1;
                    foreach (var m in memory.Span) sum += m;
                    return sum;
                }
            }
            """);

    [Fact]
    public void Collapse_of_a_rectangular_nest()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise(Collapse = 2)]
                public static void Fill(double[,] m)
                {
                    for (int i = 0; i < m.GetLength(0); i++)
                        for (int j = 1; j < m.GetLength(1); j += 2)
                        {
                            if (j == 5) continue;
                            m[i, j] = i * 10.0 + j;
                        }
                }
            }
            """);

    [Fact]
    public void Array_reduction_and_min_max_forms()
        => Verify("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static int Histogram(int[] data, int[] hist, out double max)
                {
                    int smallest = int.MaxValue;
                    double largest = double.NegativeInfinity;
                    for (int i = 0; i < data.Length; i++)
                    {
                        hist[data[i]]++;
                        if (data[i] < smallest) smallest = data[i];
                        largest = Math.Max(largest, data[i] * 0.5);
                    }

                    max = largest;
                    return smallest;
                }
            }
            """);

    [Fact]
    public void Time_loop_stays_sequential_and_inner_loops_run_in_parallel()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Jacobi(double[] a, double[] b, int steps)
                {
                    for (int t = 0; t < steps; t++)
                    {
                        for (int i = 1; i < a.Length - 1; i++)
                            b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3.0;
                        for (int i = 1; i < a.Length - 1; i++)
                            a[i] = b[i];
                    }
                }
            }
            """);

    [Fact]
    public void Generic_math_sum()
        => Verify("""
            using System.Numerics;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels<TTag>
            {
                [Parallelise]
                public static T Sum<T>(T[] values) where T : INumber<T>
                {
                    T sum = T.Zero;
                    for (int i = 0; i < values.Length; i++) sum += values[i];
                    return sum;
                }
            }
            """);

    [Fact]
    public void Schedule_clauses_and_name()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise(Schedule = Schedule.Dynamic, ChunkSize = 4, MaxDegreeOfParallelism = -2, MinIterations = 100, Deterministic = false, Name = "TriangleFast")]
                public static double Triangle(double[][] m)
                {
                    double total = 0;
                    for (int i = 0; i < m.Length; i++)
                        for (int j = 0; j <= i; j++)
                        {
                            m[i][j] = i * j;
                            total += m[i][j];
                        }

                    return total;
                }
            }
            """);

    [Fact]
    public void Alias_guard_for_arrays_that_may_be_the_same()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Shift(double[] source, double[] target)
                {
                    for (int i = 0; i < target.Length - 1; i++) target[i] = source[i + 1];
                }
            }
            """);

    [Fact]
    public void Struct_instance_method()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public partial struct Offset
            {
                public int Amount;

                [Parallelise]
                public readonly void AddTo(int[] values)
                {
                    for (int i = 0; i < values.Length; i++) values[i] += Amount;
                }
            }
            """);

    private static void Verify(string source, bool allowUnsafe = true, [CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        var run = TestCompiler.Generate(source, allowUnsafe).ShouldCompile();
        Assert.NotEmpty(run.Sources);
        foreach (var (hint, text) in run.Sources.OrderBy(s => s.Key))
        {
            Snapshot.Verify(text, run.Sources.Count == 1 ? test : test + "." + hint.Replace(".g.cs", string.Empty), file, test);
        }
    }
}

/// <summary>Every kind of method a user can mark gets a twin that compiles cleanly (no errors, no warnings in generated code).</summary>
public sealed class MethodKindTests
{
    [Fact]
    public void Method_kinds_generate_compiling_code()
    {
        var run = TestCompiler.Generate("""
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using AutoParallel;
            namespace Demo
            {
                using Alias = System.Math;

                public static partial class Extensions
                {
                    [Parallelise]
                    public static void Scale(this double[] values, double factor = 2, params int[] unused)
                    {
                        for (int i = 0; i < values.Length; i++) values[i] = Alias.Abs(values[i]) * factor;
                    }
                }

                public partial record class Shape(string Name)
                {
                    [Parallelise]
                    public async Task<double> AreaAsync(double[] sides, string? label)
                    {
                        await Task.Yield();
                        double total = 0;
                        for (int i = 0; i < sides.Length; i++) total += sides[i] * sides[i];
                        return label is null ? total : total + Name.Length;
                    }

                    [Parallelise]
                    public IEnumerable<int> Squares(int[] values)
                    {
                        var squares = new int[values.Length];
                        for (int i = 0; i < values.Length; i++) squares[i] = values[i] * values[i];
                        foreach (int s in squares) yield return s;
                    }
                }

                public partial class Grid<TCell> where TCell : class
                {
                    private readonly TCell?[] _cells = new TCell?[16];

                    [Parallelise]
                    internal int CountEmpty()
                    {
                        int empty = 0;
                        for (int i = 0; i < _cells.Length; i++)
                            if (_cells[i] is null) empty++;
                        return empty;
                    }

                    [Parallelise]
                    protected static void WithLocalFunction(int[] a)
                    {
                        static int Twice(int x) => 2 * x;
                        Console.WriteLine(Twice(a.Length));
                        for (int i = 0; i < a.Length; i++) a[i] = i;
                    }
                }
            }
            """).ShouldCompile();
        Assert.Equal(5, run.Sources.Count);
    }

    [Fact]
    public void Parallelise_on_a_local_function_is_reported_not_ignored()
    {
        DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static class K
            {
                public static void Outer(int[] a)
                {
                    [Parallelise]
                    static void {|AP0002:Fill|}(int[] b) { for (int i = 0; i < b.Length; i++) b[i] = i; }
                    Fill(a);
                }
            }
            """);
    }
}
