using System.Linq;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Analyzers;

/// <summary>AP0005 in hand-written code: inner parallelism inside a loop that could carry it, and the stencil time loop that cannot.</summary>
public sealed class InnerLoopParallelismTests
{
    [Fact]
    public void Parallel_For_inside_an_independent_for_loop()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static void Outer(double[] a, double[] b, double[] c, int n, int m)
                {
                    for (int i = 0; i < n; i++)
                        {|AP0005:Parallel.For(0, m, j => c[i * m + j] = a[i] * b[j])|};
                }
            }
            """);
        Diagnostic single = diagnostics.Single();
        Assert.Equal(
            "The parallel loop 'Parallel.For(0, m, j => c[i * m + j] = a[i] * b[j])' sits inside loop 'for (int i = 0; i < n; i++)', whose iterations are independent: parallelise the outer loop instead",
            single.GetMessage());
        Assert.Equal("true", single.Properties[InnerLoopParallelismAnalyzer.MovableProperty]);
    }

    [Fact]
    public void Parallel_ForEach_and_PLINQ_inside_independent_loops()
    {
        DiagnosticMarkup.Verify("""
            using System.Linq;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Rows(double[][] m, double[] sums, double[] norms)
                {
                    foreach (double[] row in m)
                    {
                        {|AP0005:Parallel.ForEach(System.Linq.Enumerable.Range(0, row.Length), j => row[j] *= 2)|};
                    }

                    for (int i = 0; i < m.Length; i++)
                    {
                        sums[i] = {|AP0005:m[i].AsParallel().Sum()|};
                        norms[i] = {|AP0005:m[i].AsParallel().Select(x => x * x).Sum()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public void Reported_against_the_nearest_independent_loop_around_a_time_loop()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static void Batches(double[][] a, double[][] b, int steps)
                {
                    for (int p = 0; p < a.Length; p++)
                    {
                        for (int t = 0; t < steps; t++)
                        {
                            {|AP0005:Parallel.For(1, a[p].Length - 1, i => b[p][i] = (a[p][i - 1] + a[p][i] + a[p][i + 1]) / 3)|};
                            {|AP0005:Parallel.For(1, a[p].Length - 1, i => a[p][i] = b[p][i])|};
                        }
                    }
                }
            }
            """);
        Assert.All(diagnostics, d => Assert.Contains("'for (int p = 0; p < a.Length; p++)'", d.GetMessage()));
    }

    [Fact]
    public void Not_reported_inside_a_time_step_loop_around_a_stencil()
    {
        DiagnosticMarkup.Verify("""
            using System;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Swap(double[] a, double[] b, int steps)
                {
                    for (int t = 0; t < steps; t++)
                    {
                        Parallel.For(1, a.Length - 1, i => b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3);
                        (a, b) = (b, a);
                    }
                }

                public static void TwoSweeps(double[] a, double[] b, int steps)
                {
                    for (int t = 0; t < steps; t++)
                    {
                        Parallel.For(1, a.Length - 1, i => b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3);
                        Parallel.For(1, a.Length - 1, i => a[i] = b[i]);
                    }
                }

                public static void Copy(double[] a, double[] b, int steps)
                {
                    for (int t = 0; t < steps; t++)
                    {
                        Parallel.For(1, a.Length - 1, i => { b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3; });
                        Array.Copy(b, a, a.Length);
                    }
                }

                public static void Converge(double[] a, double[] b)
                {
                    double change = double.MaxValue;
                    while (change > 1e-6)
                    {
                        Parallel.For(1, a.Length - 1, i => b[i] = (a[i - 1] + a[i + 1]) / 2);
                        change = Math.Abs(a[1] - b[1]);
                        Array.Copy(b, a, a.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public void Not_reported_when_the_outer_loop_cannot_be_proven_independent_or_is_already_parallel()
    {
        DiagnosticMarkup.Verify("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Unknown(double[][] m, List<double[]> rows)
                {
                    for (int i = 0; i < m.Length; i++)
                    {
                        Log(i);
                        Parallel.For(0, m[i].Length, j => m[i][j] *= 2);
                    }

                    for (int i = 0; i < m.Length; i++)
                        Parallel.For(0, m[i].Length, j => m[0][j] += m[i][j]);

                    Parallel.For(0, m.Length, i => { });
                }

                private static List<int> s_log = new();

                private static void Log(int i) => s_log.Add(i);
            }
            """);
    }

    [Fact]
    public void Outer_loop_with_a_reduction_is_independent_but_the_fix_is_not_offered()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static double Total(double[][] m)
                {
                    double total = 0;
                    for (int i = 0; i < m.Length; i++)
                    {
                        total += m[i][0];
                        {|AP0005:Parallel.For(0, m[i].Length, j => m[i][j] *= 2)|};
                    }
                    return total;
                }
            }
            """);
        Assert.False(diagnostics.Single().Properties.ContainsKey(InnerLoopParallelismAnalyzer.MovableProperty));
    }
}
