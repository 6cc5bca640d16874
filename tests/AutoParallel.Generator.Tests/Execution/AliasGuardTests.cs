using System;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// Two parameters can be the same array. <c>Shift(x, x)</c> reads elements another iteration writes; the generated method notices
/// at run time and runs the loop as written, so it gives the sequential answer.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class AliasGuardTests : IDisposable
{
    private const string Source = """
        using System;
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Parallelise(MinIterations = 2)]
            public static void Shift(double[] source, double[] target) { for (int i = 0; i < target.Length - 1; i++) target[i] = source[i + 1] * 2; }

            [Parallelise(MinIterations = 2)]
            public static void SameIndex(double[] source, double[] target) { for (int i = 0; i < target.Length; i++) target[i] = source[i] * 2; }

            [Parallelise(MinIterations = 2)]
            public static void Histogram(int[] data, int[] hist) { for (int i = 0; i < data.Length; i++) hist[data[i] % hist.Length]++; }

            [Parallelise(MinIterations = 2)]
            public static void SpanShift(ReadOnlySpan<int> source, Span<int> target) { for (int i = 0; i < target.Length - 1; i++) target[i] = source[i + 1] + 1; }

            public static void SpanShiftOverlapping(int[] a) => SpanShift(a.AsSpan(0, a.Length - 0), a.AsSpan(0, Math.Max(0, a.Length - 1)));

            public static void SpanShiftOverlappingParallel(int[] a) => SpanShiftParallel(a.AsSpan(0, a.Length - 0), a.AsSpan(0, Math.Max(0, a.Length - 1)));
        }
        """;

    private readonly KernelRunner _kernels = new(Source);

    public void Dispose() => _kernels.Dispose();

    [Fact]
    public void Aliased_arrays_give_the_sequential_result()
    {
        foreach (int n in new[] { 0, 1, 2, 3, 100, 5000 })
        {
            Equivalence.AssertSame(_kernels, "Shift", () =>
            {
                double[] shared = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
                return new object?[] { shared, shared };
            });
            Equivalence.AssertSame(_kernels, "Histogram", () =>
            {
                int[] shared = Enumerable.Range(0, n).Select(i => i * 7 % 5).ToArray();
                return new object?[] { shared, shared };
            });
            Equivalence.AssertSame(_kernels, "SpanShiftOverlapping", () => new object?[] { Enumerable.Range(0, n).ToArray() });
            Equivalence.AssertSame(_kernels, "Shift", () => new object?[] { Enumerable.Range(0, n + 1).Select(i => (double)i).ToArray(), new double[n] });
        }
    }

    [Fact]
    public void Guards_are_emitted_only_where_aliasing_would_create_a_dependency()
    {
        var sources = TestCompiler.Generate(Source).ShouldCompile().Sources;
        Assert.Contains("MemoryExtensions.Overlaps((global::System.ReadOnlySpan<double>)target, (global::System.ReadOnlySpan<double>)source)", sources.Single(s => s.Key.Contains("Shift.", StringComparison.Ordinal) && !s.Key.Contains("Span", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain("Overlaps", sources.Single(s => s.Key.Contains("SameIndex", StringComparison.Ordinal)).Value);
        Assert.Contains("Overlaps", sources.Single(s => s.Key.Contains("Histogram", StringComparison.Ordinal)).Value);
    }
}
