using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Analyzers;

/// <summary>AP0007: lambdas that run on several threads and write what they share, or tasks that capture a changing loop variable.</summary>
public sealed class CapturedClosureTests
{
    [Fact]
    public void Parallel_For_body_that_writes_a_captured_sum()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
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
            """);
        string message = diagnostics.Single().GetMessage();
        Assert.StartsWith("The lambda captures 'sum', and writes it while 'Parallel.For' runs the lambda on several threads", message);
        Assert.Equal("https://github.com/autoparallel/autoparallel/blob/main/docs/diagnostics/AP0007.md", diagnostics.Single().Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_kind_of_write_is_reported_once_per_variable_at_its_first_write()
    {
        DiagnosticMarkup.Verify("""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            public class K
            {
                private int _hits;
                private static double s_max;

                public void Writes(int[] a, int[] b, int limit)
                {
                    int count = 0, last = 0;
                    (int, int) pair = (0, 0);
                    Parallel.ForEach(a, x =>
                    {
                        if (x > limit) {|AP0007:count|}++;
                        {|AP0007:last|} = x;
                        last = x + 1;
                        {|AP0007:pair|}.Item1 = x;
                        {|AP0007:_hits|} += 1;
                        {|AP0007:s_max|} = Math.Max(s_max, x);
                        Update(ref {|AP0007:limit|});
                    });
                    var doubled = b.AsParallel().Select(x => {|AP0007:count|} = x * 2).ToArray();
                }

                private static void Update(ref int value) => value++;
            }
            """);
    }

    [Fact]
    public void Local_functions_passed_by_name_and_anonymous_methods_count_too()
    {
        DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static long Total(long[] a)
                {
                    long total = 0, other = 0;
                    Parallel.For(0, a.Length, Add);
                    Parallel.For(0, a.Length, delegate (int i) { {|AP0007:other|} += a[i]; });
                    return total + other;

                    void Add(int i) => {|AP0007:total|} += a[i];
                }
            }
            """);
    }

    [Fact]
    public void Reading_captures_writing_own_elements_and_locals_of_the_lambda_are_fine()
    {
        DiagnosticMarkup.Verify("""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Scale(double[] a, double[] result, double factor)
                {
                    int n = a.Length;
                    Parallel.For(0, n, i => result[i] = a[i] * factor);
                    Parallel.For(0, n, i =>
                    {
                        double local = 0;
                        for (int k = 0; k < 3; k++) local += a[i] * k;
                        Func<double> f = () => local += 1;
                        result[i] = f() + factor;
                    });
                    var squares = a.AsParallel().Select(x => x * factor).ToArray();
                }
            }
            """);
    }

    [Fact]
    public void Interlocked_Volatile_and_lock_synchronise_the_write()
    {
        DiagnosticMarkup.Verify("""
            using System.Threading;
            using System.Threading.Tasks;
            public static class K
            {
                public static long Count(int[] a)
                {
                    long count = 0;
                    bool found = false;
                    double sum = 0;
                    object gate = new object();
                    Parallel.For(0, a.Length, i =>
                    {
                        if (a[i] > 0) Interlocked.Increment(ref count);
                        if (a[i] == 42) Volatile.Write(ref found, true);
                        lock (gate)
                        {
                            sum += a[i];
                        }
                    });
                    Parallel.For(0, a.Length, () => 0.0, (i, _, local) => local + a[i], local => { lock (gate) sum += local; });
                    return count + (found ? 1 : 0) + (long)sum;
                }
            }
            """);
    }

    [Fact]
    public void LocalFinally_without_a_lock_races()
    {
        DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static double Sum(double[] a)
                {
                    double sum = 0;
                    Parallel.For(0, a.Length, () => 0.0, (i, _, local) => local + a[i], local => {|AP0007:sum|} += local);
                    return sum;
                }
            }
            """);
    }

    [Fact]
    public void Parallel_Invoke_actions_race_only_on_variables_they_share()
    {
        DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static double Halves(double[] a)
                {
                    double left = 0, right = 0, shared = 0;
                    Parallel.Invoke(
                        () => { for (int i = 0; i < a.Length / 2; i++) left += a[i]; },
                        () => { for (int i = a.Length / 2; i < a.Length; i++) right += a[i]; });
                    Parallel.Invoke(
                        () => {|AP0007:shared|} += left,
                        () => {|AP0007:shared|} += right);
                    return left + right + shared;
                }
            }
            """);
    }

    [Fact]
    public void Tasks_started_in_a_loop_race_on_a_written_variable_but_one_task_does_not()
    {
        DiagnosticMarkup.Verify("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            public static class K
            {
                public static async Task<int> Run(int[] a)
                {
                    int result = 0, total = 0, awaited = 0, queued = 0;
                    Task single = Task.Run(() => result = a.Length);
                    var tasks = new List<Task>();
                    foreach (int x in a)
                    {
                        tasks.Add(Task.Run(() => {|AP0007:total|} += x));
                        await Task.Run(() => awaited += x);
                        ThreadPool.QueueUserWorkItem(_ => {|AP0007:queued|}++);
                    }
                    await Task.WhenAll(tasks);
                    await single;
                    return result + total + awaited + queued;
                }
            }
            """);
    }

    [Fact]
    public void Two_tasks_or_a_task_and_a_parallel_loop_that_share_a_written_variable()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static async Task<int> Run(int[] a)
                {
                    int counter = 0, left = 0, right = 0, shared = 0, done = 0, before = 0;
                    Parallel.For(0, a.Length, i => a[i] += before);
                    Task b = Task.Run(() => before = 1);
                    Task t1 = Task.Run(() => {|AP0007:counter|}++);
                    Task t2 = Task.Run(() => {|AP0007:counter|}++);
                    Task l = Task.Run(() => left = a[0]);
                    Task r = Task.Run(() => right = a[1]);
                    Task s = Task.Run(() => {|AP0007:shared|} = 1);
                    Parallel.For(0, a.Length, i => a[i] += shared);
                    await Task.Run(() => done++);
                    await Task.Run(() => done++);
                    await Task.WhenAll(t1, t2, l, r, s, b);
                    return counter + left + right + shared + done + before;
                }
            }
            """);
        Assert.Contains("'counter', and writes it from 'Task.Run' while 'Task.Run' may use it at the same time", diagnostics[0].GetMessage());
        Assert.Contains("while 'Parallel.For' may use it", diagnostics[2].GetMessage());
    }

    [Fact]
    public void A_task_that_captures_a_for_loop_variable()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static void Start(Task[] tasks)
                {
                    for (int i = 0; i < tasks.Length; i++)
                        tasks[i] = Task.Run(() => Work({|AP0007:i|}));

                    int k = 0;
                    while (k < tasks.Length)
                    {
                        tasks[k] = Task.Factory.StartNew(() => Work({|AP0007:k|}));
                        k++;
                    }
                }

                private static void Work(int i) { }
            }
            """);
        Assert.Contains("'i', a for-loop variable that changes after the capture", diagnostics[0].GetMessage());
        Assert.Contains("'Task.Run'", diagnostics[0].GetMessage());
        Assert.Contains("'k', which the enclosing loop changes after the capture", diagnostics[1].GetMessage());
        Assert.Contains("'Task.Factory.StartNew'", diagnostics[1].GetMessage());
    }

    [Fact]
    public void Foreach_variables_copies_awaited_tasks_and_synchronous_Parallel_calls_do_not_capture_a_changing_variable()
    {
        DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static async Task Start(Task[] tasks, int[] items, double[] a)
                {
                    foreach (int item in items)
                        _ = Task.Run(() => Work(item));

                    for (int i = 0; i < tasks.Length; i++)
                    {
                        int copy = i;
                        tasks[i] = Task.Run(() => Work(copy));
                        await Task.Run(() => Work(i));
                        Task.Run(() => Work(i)).Wait();
                        Parallel.Invoke(() => Work(i), () => Work(i + 1));
                    }
                }

                private static void Work(int i) { }
            }
            """);
    }

    [Fact]
    public void Lambdas_that_are_not_run_concurrently_are_not_reported()
    {
        DiagnosticMarkup.Verify("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            public static class K
            {
                public static int Sequential(List<int> items)
                {
                    int sum = 0;
                    items.ForEach(x => sum += x);
                    var doubled = items.Select(x => sum += x).ToList();
                    Action later = () => sum++;
                    later();
                    for (int i = 0; i < 3; i++) { Func<int> f = () => i * 2; sum += f(); }
                    return sum;
                }
            }
            """);
    }

    /// <summary>
    /// The loop analysis refuses such a loop (AP0003: the write cannot be split into per-chunk partial results), so it is not
    /// parallelised and AP0007 has nothing to add; the lambda's own private variable is fine.
    /// </summary>
    [Fact]
    public void A_lambda_in_a_parallelised_loop_that_writes_a_variable_from_outside_the_loop()
    {
        DiagnosticMarkup.Verify("""
            using System;
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static void Mark(int[] a, int[] flags)
                {
                    int seen = 0;
                    for (int i = 0; i < a.Length; i++)
                    {
                        int local = 0;
                        Action mark = () => { local++; {|AP0003:seen++|}; };
                        mark();
                        flags[i] = local;
                    }
                }
            }
            """, ignore: new[] { "AP0008" });
    }
}
