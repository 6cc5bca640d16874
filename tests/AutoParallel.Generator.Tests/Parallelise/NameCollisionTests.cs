using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Tests.Execution;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Parallelise;

/// <summary>
/// The generated code declares names of its own: the body struct's members (<c>Execute</c>, <c>Combine</c>,
/// <c>Accumulator</c> …) and locals, parameters and fields that start with <c>__</c>. A user's method that uses the same
/// names, for its own helpers, locals, loop variables or fields, still gets a twin that compiles and computes what it computes.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class NameCollisionTests
{
    public static IEnumerable<object[]> Kernels() => new Dictionary<string, string>
    {
        ["static helpers named like the body struct's members"] = """
            private static long Combine(long x, long y) => (x * 2) + y;
            private static long Execute(long x) => x + 1;
            private static long CreateAccumulator() => 3;
            private static bool CanExecuteInto(long x) => x % 3 != 0;

            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                long s = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    if (CanExecuteInto(a[i])) s += Combine(Execute(a[i]), CreateAccumulator());
                }

                return s;
            }
            """,
        ["a nested type named Accumulator"] = """
            private static class Accumulator { public const long Weight = 3; }

            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                long s = 0;
                for (int i = 0; i < a.Length; i++) s += Accumulator.Weight * a[i];
                return s;
            }
            """,
        ["a capture named CanExecuteInto and a reduction named Accumulator"] = """
            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                long CanExecuteInto = 2, Accumulator = 5;
                for (int i = 0; i < a.Length; i++) Accumulator += a[i] * CanExecuteInto;
                return Accumulator;
            }
            """,
        ["locals of the body named like the chunk's"] = """
            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                long s = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    int __end = a[i] * 2;
                    long __from = __end + 1, __to = 2, __accumulator = 1;
                    foreach (int __k in new[] { 1, 2 }) __accumulator += __k;
                    s += __end + __from + __to + __accumulator;
                }

                return s;
            }
            """,
        ["a loop variable named like the chunk's bound"] = """
            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                var b = new long[a.Length];
                for (int __to = 0; __to < a.Length; __to++) b[__to] = a[__to] + 1L;
                long s = 0;
                foreach (long x in b) s = (s * 31) + x;
                return s;
            }
            """,
        ["locals of the method named like the call's"] = """
            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                long __result = 1;
                int[] __loop = a;
                for (int i = 0; i < __loop.Length; i++) __result += __loop[i];
                return __result;
            }
            """,
        ["a static field named like the chunk's start"] = """
            private static readonly int __from = 7;

            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                long s = 0;
                for (int i = 0; i < a.Length; i++) s += a[i] + __from;
                return s;
            }
            """,
        ["a local of the method named like the step"] = """
            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                int __step = 3;
                long s = 0;
                foreach (int i in Prange.Range(0, a.Length, __step)) s += a[i] * (long)i;
                return s;
            }
            """,
        ["foreach over variables the body struct renames"] = """
            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                int[] __values = a, Combine = a;
                var b = new long[a.Length];
                foreach (int x in __values) b[x & 63] += 0;
                long s = 0;
                foreach (int x in Combine) s += x;
                return s + b[0];
            }
            """,
        ["names that start with the first fallback prefix as well"] = """
            [Parallelise(MinIterations = 2)]
            public static long Kernel(int[] a)
            {
                long __ap_loop = 0, __loop = 1;
                for (int i = 0; i < a.Length; i++)
                {
                    long __ap_end = a[i], __end = i;
                    __ap_loop += __ap_end * __end + __loop;
                }

                return __ap_loop;
            }
            """,
    }.Select(kernel => new object[] { kernel.Key, kernel.Value });

    [Fact]
    public void Generated_names_keep_their_usual_prefix_unless_the_method_uses_it()
    {
        const string source = """
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Plain(int[] a)
                {
                    for (int i = 0; i < a.Length; i++) a[i] = i;
                }

                [Parallelise]
                public static void Underscored(int[] a)
                {
                    for (int __end = 0; __end < a.Length; __end++) a[__end] = __end;
                }

                [Parallelise]
                public static void Both(int[] a)
                {
                    int __ap_x = 1;
                    for (int i = 0; i < a.Length; i++) a[i] = i + __ap_x;
                }
            }
            """;
        var sources = TestCompiler.Generate(source).Sources;
        string Of(string method) => sources.Single(s => s.Key.Contains("." + method + ".", System.StringComparison.Ordinal)).Value;

        Assert.Contains("public readonly void Execute(long __from, long __to)", Of("Plain"));
        Assert.Contains("for (int i = (int)__from, __end = (int)__to; i < __end; i++)", Of("Plain"));
        Assert.Contains("public readonly void Execute(long __ap_from, long __ap_to)", Of("Underscored"));
        Assert.Contains("for (int __end = (int)__ap_from, __ap_end = (int)__ap_to; __end < __ap_end; __end++)", Of("Underscored"));
        Assert.Contains("public readonly void Execute(long __ap1_from, long __ap1_to)", Of("Both"));
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_twin_compiles_and_computes_what_the_method_computes(string name, string members)
    {
        string source = $$"""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
            {{members}}
            }
            """;
        var run = TestCompiler.Generate(source);
        Assert.True(run.Errors.IsEmpty, name + ":\n" + string.Join("\n", run.Errors) + "\n" + string.Join("\n", run.Sources.Values));
        Assert.Contains(run.Sources.Keys, file => file.Contains("Kernel", System.StringComparison.Ordinal));

        using var kernels = new KernelRunner(source);
        int[] input = Enumerable.Range(0, 1001).Select(i => (i * 7919) % 101 - 50).ToArray();
        object? expected = kernels.Sequential("Kernel", input);
        foreach ((int threads, object? result) in kernels.ParallelAtEachThreadCount("Kernel", () => new object?[] { input }))
        {
            Assert.True(Equals(expected, result), $"{name}, {threads} threads: {result}, expected {expected}");
        }
    }
}
