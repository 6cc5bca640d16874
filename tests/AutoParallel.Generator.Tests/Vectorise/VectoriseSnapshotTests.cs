using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>The generated span overload of each [Vectorise] construct, against checked-in baselines.</summary>
public sealed class VectoriseSnapshotTests
{
    [Fact]
    public void Mandelbrot_escape_count_with_an_early_return_in_a_loop()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static int Mandel(double re, double im)
                {
                    double zr = 0, zi = 0;
                    for (int i = 0; i < 20; i++)
                    {
                        if (zr * zr + zi * zi >= 4) return i;
                        double t = zr * zr - zi * zi + re;
                        zi = 2 * zr * zi + im;
                        zr = t;
                    }

                    return -1;
                }
            }
            """);

    [Fact]
    public void Scalar_parameter_is_broadcast()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static float Axpy([Scalar] float a, float x, float y) => a * x + y;
            }
            """);

    [Fact]
    public void If_else_and_conditional_under_lane_masks()
        => Verify("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static double Branchy(double x, double y)
                {
                    double r;
                    if (x > y)
                    {
                        r = Math.Min(x - y, 100);
                    }
                    else
                    {
                        r = x == y ? 0 : -(y - x) * 0.5;
                    }

                    return r;
                }
            }
            """);

    [Fact]
    public void Loop_that_lanes_leave_at_different_iterations()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static int Escape(double re, double im, [Scalar] int maxit)
                {
                    double zr = 0, zi = 0;
                    int n = 0;
                    while (n < maxit && zr * zr + zi * zi < 4)
                    {
                        double t = zr * zr - zi * zi + re;
                        zi = 2 * zr * zi + im;
                        zr = t;
                        n++;
                    }

                    return n;
                }
            }
            """);

    [Fact]
    public void Conversions_and_divisions_that_take_the_scalar_path_when_a_lane_needs_it()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static int Bucket(double x, int width) => (int)x / width;
            }
            """);

    [Fact]
    public void Booleans_are_lane_masks()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static bool Between(bool inclusive, double x, [Scalar] double low, [Scalar] double high)
                    => inclusive ? x >= low && x <= high : x > low && x < high;
            }
            """);

    [Fact]
    public void Parallel_target_splits_the_spans_into_blocks()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise(Target = VectoriseTarget.Parallel)]
                public static double Scale(double x, [Scalar] double factor) => x * factor;
            }
            """);

    [Fact]
    public void Scalar_loop_when_the_body_has_no_vector_form()
        => Verify("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static double Wave(double x) => Math.Sin(x) * 2;
            }
            """);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        GeneratorRun run = TestCompiler.Generate(source).ShouldCompile();
        Assert.Empty(TestCompiler.Analyze(run.Input).Where(d => d.Id is "AP0010"));
        string generated = string.Join("\n", run.Sources.Where(s => s.Key.EndsWith(".Vectorise.g.cs", System.StringComparison.Ordinal)).OrderBy(s => s.Key).Select(s => s.Value));
        Snapshot.Verify(generated, test, test: test);
    }
}
