using System.Threading.Tasks;
using AutoParallel.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutoParallel.CodeFixes.Tests;

/// <summary>AP0005: the parallelism moves to the outer loop.</summary>
public sealed class InnerLoopParallelismFixTests
{
    private static readonly InnerLoopParallelismCodeFix Fix = new();

    [Fact]
    public Task Outer_false_becomes_Outer_true()
        => CodeFixVerifier.FixMarkedAsync(Fix, """
            using AutoParallel;
            public static partial class K
            {
                [Parallelise(Outer = false, Schedule = Schedule.Dynamic)]
                public static void Scale(double[][] m)
                {
                    for (int i = 0; i < m.Length; i++)
                        {|AP0005:for (int j = 0; j < m[i].Length; j++)|} m[i][j] *= 2;
                }
            }
            """, """
            using AutoParallel;
            public static partial class K
            {
                [Parallelise(Outer = true, Schedule = Schedule.Dynamic)]
                public static void Scale(double[][] m)
                {
                    for (int i = 0; i < m.Length; i++)
                        for (int j = 0; j < m[i].Length; j++) m[i][j] *= 2;
                }
            }
            """, "Parallelise the outer loop (Outer = true)");

    [Fact]
    public Task Parallel_For_inside_a_for_loop()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading.Tasks;
            public static class K
            {
                public static void Outer(double[] a, double[] b, double[] c, int n, int m)
                {
                    // rows
                    for (int i = 0; i < n; i++)
                        {|AP0005:Parallel.For(0, m, j => c[i * m + j] = a[i] * b[j])|};
                }
            }
            """, """
            using System.Threading.Tasks;
            public static class K
            {
                public static void Outer(double[] a, double[] b, double[] c, int n, int m)
                {
                    // rows
                    Parallel.For(0, n, i =>
                    {
                        for (int j = 0; j < m; j++)
                            c[i * m + j] = a[i] * b[j];
                    });
                }
            }
            """, "Make the outer loop the Parallel.For");

    [Fact]
    public Task Block_bodies_continue_return_and_an_inclusive_bound()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading.Tasks;
            public static class K
            {
                public static void Rows(double[][] m, int last)
                {
                    for (int i = 0; i <= last; i++)
                    {
                        if (m[i] is null) continue;
                        double scale = i + 1;
                        {|AP0005:Parallel.For(0, m[i].Length, j =>
                        {
                            if (m[i][j] == 0) return;
                            m[i][j] *= scale;
                        })|};
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            public static class K
            {
                public static void Rows(double[][] m, int last)
                {
                    Parallel.For(0, last + 1, i =>
                    {
                        if (m[i] is null) return;
                        double scale = i + 1;
                        for (int j = 0; j < m[i].Length; j++)
                        {
                            if (m[i][j] == 0) continue;
                            m[i][j] *= scale;
                        }
                    });
                }
            }
            """);

    [Fact]
    public Task Parallel_ForEach_inside_a_foreach_over_an_array()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Linq;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Rows(double[][] rows)
                {
                    foreach (double[] row in rows)
                    {
                        {|AP0005:Parallel.ForEach(Enumerable.Range(0, row.Length), j => row[j] *= 2)|};
                    }
                }
            }
            """, """
            using System.Linq;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Rows(double[][] rows)
                {
                    Parallel.ForEach(rows, (double[] row) =>
                    {
                        foreach (var j in Enumerable.Range(0, row.Length))
                            row[j] *= 2;
                    });
                }
            }
            """, "Make the outer loop the Parallel.ForEach");

    [Fact]
    public Task No_move_when_the_outer_loop_has_a_reduction()
        => CodeFixVerifier.NoFixAsync(Fix, """
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

    [Fact]
    public Task Fix_all_moves_each_outer_loop_once()
        => CodeFixVerifier.FixAllAsync(Fix, FixAllScope.Document,
            new[]
            {
                new[]
                {
                    """
                    using System.Threading.Tasks;
                    public static class K
                    {
                        public static void Two(double[][] a, double[][] b)
                        {
                            for (int i = 0; i < a.Length; i++)
                            {
                                {|AP0005:Parallel.For(0, a[i].Length, j => a[i][j] = 0)|};
                                {|AP0005:Parallel.For(0, b[i].Length, j => b[i][j] = 1)|};
                            }

                            for (long k = 0; k < a.Length; k++)
                                {|AP0005:Parallel.For(0, a[k].Length, j => a[k][j] += k)|};
                        }
                    }
                    """,
                },
            },
            new[]
            {
                new[]
                {
                    """
                    using System.Threading.Tasks;
                    public static class K
                    {
                        public static void Two(double[][] a, double[][] b)
                        {
                            Parallel.For(0, a.Length, i =>
                            {
                                for (int j = 0; j < a[i].Length; j++)
                                    a[i][j] = 0;
                                for (int j = 0; j < b[i].Length; j++)
                                    b[i][j] = 1;
                            });

                            Parallel.For(0, a.Length, (long k) =>
                            {
                                for (int j = 0; j < a[k].Length; j++)
                                    a[k][j] += k;
                            });
                        }
                    }
                    """,
                },
            });
}
