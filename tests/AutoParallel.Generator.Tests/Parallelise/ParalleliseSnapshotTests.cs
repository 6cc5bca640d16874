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
