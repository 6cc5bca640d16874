using System.Threading.Tasks;
using AutoParallel.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutoParallel.CodeFixes.Tests;

/// <summary>AP0007: thread-local accumulators for reductions into captured variables; copies of captured loop variables.</summary>
public sealed class CapturedClosureFixTests
{
    private static readonly CapturedClosureCodeFix Fix = new();

    [Fact]
    public Task Sum_in_an_expression_bodied_Parallel_For()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading.Tasks;
            public static class K
            {
                public static double Sum(double[] a)
                {
                    double sum = 0;
                    Parallel.For(0, a.Length, i => {|AP0007:sum|} += a[i]);
                    return sum;
                }
            }
            """, """
            using System.Threading.Tasks;
            public static class K
            {
                public static double Sum(double[] a)
                {
                    double sum = 0;
                    object sumLock = new object();
                    Parallel.For(0, a.Length, () => 0.0, (i, _, localSum) => localSum + a[i], localSum => { lock (sumLock) sum += localSum; });
                    return sum;
                }
            }
            """, "Accumulate 'sum' per worker (localInit/localFinally)");

    [Fact]
    public Task Block_body_with_several_updates_and_an_early_return()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading.Tasks;
            public static class K
            {
                public static long Count(int[] a, int limit)
                {
                    long count = 0;
                    Parallel.For(0, a.Length, i =>
                    {
                        if (a[i] < 0) return;
                        if (a[i] > limit) {|AP0007:count|}++;
                        count += 2;
                    });
                    return count;
                }
            }
            """, """
            using System.Threading.Tasks;
            public static class K
            {
                public static long Count(int[] a, int limit)
                {
                    long count = 0;
                    object countLock = new object();
                    Parallel.For(0, a.Length, () => 0L, (i, _, localCount) =>
                    {
                        if (a[i] < 0) return localCount;
                        if (a[i] > limit) localCount++;
                        localCount += 2;
                        return localCount;
                    }, localCount => { lock (countLock) count += localCount; });
                    return count;
                }
            }
            """);

    [Fact]
    public Task Max_over_a_Parallel_ForEach_into_a_field()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public class Stats
            {
                private double _max = double.MinValue;

                public void Observe(List<double> values)
                {
                    Parallel.ForEach(values, v => {|AP0007:_max|} = Math.Max(_max, v * v));
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public class Stats
            {
                private double _max = double.MinValue;

                public void Observe(List<double> values)
                {
                    object maxLock = new object();
                    Parallel.ForEach(values, () => double.NegativeInfinity, (v, _, localMax) => Math.Max(localMax, v * v), localMax => { lock (maxLock) _max = Math.Max(_max, localMax); });
                }
            }
            """);

    [Fact]
    public Task Min_with_ParallelOptions_and_an_embedded_statement()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System;
            using System.Threading.Tasks;
            public static class K
            {
                public static int Smallest(int[][] rows, ParallelOptions options)
                {
                    int min = int.MaxValue;
                    if (rows.Length > 0)
                        Parallel.For(0, rows.Length, options, r => {|AP0007:min|} = Math.Min(rows[r][0], min));
                    return min;
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            public static class K
            {
                public static int Smallest(int[][] rows, ParallelOptions options)
                {
                    int min = int.MaxValue;
                    if (rows.Length > 0)
                    {
                        object minLock = new object();
                        Parallel.For(0, rows.Length, options, () => int.MaxValue, (r, _, localMin) => Math.Min(rows[r][0], localMin), localMin => { lock (minLock) min = Math.Min(min, localMin); });
                    }
                    return min;
                }
            }
            """);

    [Fact]
    public Task Product_subtraction_and_bitwise_forms()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading.Tasks;
            public static class K
            {
                public static double Product(double[] a, int[] flags)
                {
                    double product = 1;
                    int mask = 0;
                    Parallel.For(0, a.Length, i => {|AP0007:product|} *= a[i] - 1);
                    Parallel.For(0, flags.Length, i => {|AP0007:mask|} = mask | flags[i]);
                    return product + mask;
                }
            }
            """, """
            using System.Threading.Tasks;
            public static class K
            {
                public static double Product(double[] a, int[] flags)
                {
                    double product = 1;
                    int mask = 0;
                    object productLock = new object();
                    Parallel.For(0, a.Length, () => 1.0, (i, _, localProduct) => localProduct * (a[i] - 1), localProduct => { lock (productLock) product *= localProduct; });
                    Parallel.For(0, flags.Length, i => {|AP0007:mask|} = mask | flags[i]);
                    return product + mask;
                }
            }
            """);

    [Fact]
    public Task A_narrowing_compound_update_stays_a_compound_update()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading.Tasks;
            public static class K
            {
                public static int Total(long[] a)
                {
                    int total = 0;
                    Parallel.For(0, a.Length, i => {|AP0007:total|} += (int)a[i] + a.Length);
                    return total;
                }
            }
            """, """
            using System.Threading.Tasks;
            public static class K
            {
                public static int Total(long[] a)
                {
                    int total = 0;
                    object totalLock = new object();
                    Parallel.For(0, a.Length, () => 0, (i, _, localTotal) => localTotal + ((int)a[i] + a.Length), localTotal => { lock (totalLock) total += localTotal; });
                    return total;
                }
            }
            """);

    [Fact]
    public Task No_reduction_fix_when_the_body_reads_the_variable_or_mixes_operations_or_is_not_a_loop_body()
        => CodeFixVerifier.NoFixAsync(Fix, """
            using System;
            using System.Threading.Tasks;
            public static class K
            {
                public static double Odd(double[] a)
                {
                    double last = 0, mixed = 1, seen = 0, typed = 0, fromLocal = 0;
                    Parallel.For(0, a.Length, i => {|AP0007:last|} = a[i]);
                    Parallel.For(0, a.Length, i => { {|AP0007:mixed|} += a[i]; mixed *= 2; });
                    Parallel.For(0, a.Length, i => { if ({|AP0007:seen|}++ > 3) Console.WriteLine(seen); });
                    Parallel.For(0, a.Length, (int i) => {|AP0007:typed|} += a[i]);
                    Parallel.For(0, a.Length, () => 0.0, (i, _, l) => l + a[i], l => {|AP0007:fromLocal|} += l);
                    return last + mixed + seen + typed + fromLocal;
                }
            }
            """);

    [Fact]
    public Task A_for_loop_variable_captured_by_a_task_is_copied_first()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading.Tasks;
            public static class K
            {
                public static void Start(Task[] tasks)
                {
                    for (int i = 0; i < tasks.Length; i++)
                        tasks[i] = Task.Run(() => Work({|AP0007:i|}, i * 2));
                }

                private static void Work(int i, int j) { }
            }
            """, """
            using System.Threading.Tasks;
            public static class K
            {
                public static void Start(Task[] tasks)
                {
                    for (int i = 0; i < tasks.Length; i++)
                    {
                        int iCopy = i;
                        tasks[i] = Task.Run(() => Work(iCopy, iCopy * 2));
                    }
                }

                private static void Work(int i, int j) { }
            }
            """, "Copy 'i' into a local before the lambda");

    [Fact]
    public Task A_variable_the_loop_changes_is_copied_in_its_block()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System.Threading;
            public static class K
            {
                public static void Queue(int n)
                {
                    int k = 0;
                    while (k < n)
                    {
                        // one work item per k
                        ThreadPool.QueueUserWorkItem(_ => Work({|AP0007:k|}));
                        k++;
                    }
                }

                private static void Work(int k) { }
            }
            """, """
            using System.Threading;
            public static class K
            {
                public static void Queue(int n)
                {
                    int k = 0;
                    while (k < n)
                    {
                        // one work item per k
                        int kCopy = k;
                        ThreadPool.QueueUserWorkItem(_ => Work(kCopy));
                        k++;
                    }
                }

                private static void Work(int k) { }
            }
            """);

    [Fact]
    public Task Fix_all_applies_to_each_diagnostic_the_fix_it_calls_for()
        => CodeFixVerifier.FixAllAsync(Fix, FixAllScope.Document,
            new[]
            {
                new[]
                {
                    """
                    using System.Threading.Tasks;
                    public static class K
                    {
                        public static double Run(double[] a, Task[] tasks)
                        {
                            double sum = 0, sumLock = 0;
                            int hits = 0;
                            Parallel.For(0, a.Length, i => {|AP0007:sum|} += a[i]);
                            Parallel.For(0, a.Length, i => { if (a[i] > 0) {|AP0007:hits|}++; });
                            for (int t = 0; t < tasks.Length; t++)
                                tasks[t] = Task.Run(() => a[{|AP0007:t|}] = 0);
                            return sum + hits + sumLock;
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
                        public static double Run(double[] a, Task[] tasks)
                        {
                            double sum = 0, sumLock = 0;
                            int hits = 0;
                            object sumLock2 = new object();
                            Parallel.For(0, a.Length, () => 0.0, (i, _, localSum) => localSum + a[i], localSum => { lock (sumLock2) sum += localSum; });
                            object hitsLock = new object();
                            Parallel.For(0, a.Length, () => 0, (i, _, localHits) => { if (a[i] > 0) localHits++; return localHits; }, localHits => { lock (hitsLock) hits += localHits; });
                            for (int t = 0; t < tasks.Length; t++)
                            {
                                int tCopy = t;
                                tasks[t] = Task.Run(() => a[tCopy] = 0);
                            }
                            return sum + hits + sumLock;
                        }
                    }
                    """,
                },
            });

    [Fact]
    public Task Fix_all_in_solution_without_an_equivalence_key_as_dotnet_format_runs_it()
        => CodeFixVerifier.FixAllAsync(Fix, FixAllScope.Solution,
            new[]
            {
                new[]
                {
                    """
                    using System.Threading.Tasks;
                    public static class A
                    {
                        public static int Count(int[] a)
                        {
                            int n = 0;
                            Parallel.ForEach(a, x => {|AP0007:n|} += x > 0 ? 1 : 0);
                            return n;
                        }
                    }
                    """,
                },
                new[]
                {
                    """
                    using System.Threading.Tasks;
                    public static class B
                    {
                        public static void Start(Task[] tasks)
                        {
                            for (int i = 0; i < tasks.Length; i++) { tasks[i] = Task.Run(() => System.Console.WriteLine({|AP0007:i|})); }
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
                    public static class A
                    {
                        public static int Count(int[] a)
                        {
                            int n = 0;
                            object nLock = new object();
                            Parallel.ForEach(a, () => 0, (x, _, localN) => localN + (x > 0 ? 1 : 0), localN => { lock (nLock) n += localN; });
                            return n;
                        }
                    }
                    """,
                },
                new[]
                {
                    """
                    using System.Threading.Tasks;
                    public static class B
                    {
                        public static void Start(Task[] tasks)
                        {
                            for (int i = 0; i < tasks.Length; i++) { int iCopy = i; tasks[i] = Task.Run(() => System.Console.WriteLine(iCopy)); }
                        }
                    }
                    """,
                },
            },
            useEquivalenceKey: false);
}
