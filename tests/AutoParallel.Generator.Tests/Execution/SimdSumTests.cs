using System;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// Loops whose body is <c>s += x[i]</c> sum each chunk in SIMD lanes (<c>VectorReduction.Sum</c>): the result is the user's
/// up to reassociation (exactly, for integers and for exactly representable partial sums), has the same bits at every
/// thread count, and a loop that reads past the end throws what the user's loop throws.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class SimdSumTests : IDisposable
{
    private const string Source = """
        using System;
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Parallelise(MinIterations = 2)]
            public static double Doubles(double[] x) { double s = 0; for (int i = 0; i < x.Length; i++) s += x[i]; return s; }

            [Parallelise(MinIterations = 2)]
            public static float Floats(float[] x) { float s = 1; for (int i = 0; i < x.Length; i++) { s += x[i]; } return s; }

            [Parallelise(MinIterations = 2)]
            public static int Ints(int[] x) { int s = 7; foreach (int v in x) s += v; return s; }

            [Parallelise(MinIterations = 2)]
            public static long Longs(long[] x, int from, int to) { long s = 0; for (int i = from; i <= to; i++) s += x[i]; return s; }

            [Parallelise(MinIterations = 2)]
            public static double SpanSum(ReadOnlySpan<double> x) { double s = 0; for (int i = 0; i < x.Length; i++) s += x[i]; return s; }

            public static double RunSpanSum(double[] x) => SpanSum(x);

            public static double RunSpanSumParallel(double[] x) => SpanSumParallel(x);
        }
        """;

    private static readonly int[] Sizes = { 0, 1, 5, 15, 16, 17, 63, 64, 65, 1000, 20_011, 100_003 };

    private readonly KernelRunner _kernels = new(Source);

    public void Dispose() => _kernels.Dispose();

    [Fact]
    public void Every_such_loop_takes_the_simd_path()
    {
        string generated = string.Join("\n", TestCompiler.Generate(Source).Sources.Values);
        Assert.Equal(5, generated.Split("global::AutoParallel.VectorReduction.Sum(").Length - 1);
    }

    [Fact]
    public void Exactly_representable_sums_equal_the_users_at_every_thread_count()
    {
        foreach (int size in Sizes)
        {
            var random = new Random(size);
            double[] doubles = Enumerable.Range(0, size).Select(_ => random.Next(-1 << 20, 1 << 20) / 1024.0).ToArray();
            float[] floats = Enumerable.Range(0, size).Select(_ => random.Next(-1 << 10, 1 << 10) / 64f).ToArray();
            Equivalence.AssertSame(_kernels, "Doubles", () => new object?[] { doubles });
            Equivalence.AssertSame(_kernels, "Floats", () => new object?[] { floats });
            Assert.Equal(_kernels.Sequential("RunSpanSum", doubles), _kernels.Sequential("RunSpanSumParallel", doubles));
        }
    }

    [Fact]
    public void Integer_sums_wrap_exactly_as_the_users_do()
    {
        foreach (int size in Sizes)
        {
            int[] ints = Enumerable.Range(0, size).Select(i => int.MaxValue - (i * 7919)).ToArray();
            long[] longs = Enumerable.Range(0, size).Select(i => long.MinValue + (i * 104_729L)).ToArray();
            Equivalence.AssertSame(_kernels, "Ints", () => new object?[] { ints });
            Equivalence.AssertSame(_kernels, "Longs", () => new object?[] { longs, 0, size - 1 });
        }
    }

    [Fact]
    public void Rounded_sums_have_the_same_bits_at_every_thread_count_and_stay_close_to_the_users()
    {
        var random = new Random(3);
        double[] values = Enumerable.Range(0, 100_003).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9))).ToArray();
        long[] bits = _kernels.ParallelAtEachThreadCount("Doubles", () => new object?[] { values }).Select(r => BitConverter.DoubleToInt64Bits((double)r.Result!)).Distinct().ToArray();
        Assert.Single(bits);
        double sequential = (double)_kernels.Sequential("Doubles", values)!;
        Assert.Equal(sequential, BitConverter.Int64BitsToDouble(bits[0]), Math.Abs(sequential) * 1e-12);
    }

    [Fact]
    public void Special_values_propagate_as_in_the_users_loop()
    {
        foreach (double special in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            double[] values = Enumerable.Range(0, 1000).Select(i => i == 517 ? special : 1.0).ToArray();
            Equivalence.AssertSame(_kernels, "Doubles", () => new object?[] { values });
        }

        double[] both = Enumerable.Range(0, 1000).Select(i => i == 3 ? double.PositiveInfinity : i == 900 ? double.NegativeInfinity : 1.0).ToArray();
        Equivalence.AssertSame(_kernels, "Doubles", () => new object?[] { both });
    }

    [Fact]
    public void A_loop_that_reads_past_the_end_throws_what_the_users_loop_throws()
    {
        long[] values = Enumerable.Range(0, 1000).Select(i => (long)i).ToArray();
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Sequential("Longs", values, 0, 1000));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Longs", values, 0, 1000));
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Longs", values, -1, 10));

        // Chunks shorter than a SIMD block: in bounds they add over a span, past the end they throw as the user's loop does.
        Assert.Throws<IndexOutOfRangeException>(() => _kernels.Parallel("Longs", values, 995, 1000));
        Equivalence.AssertSame(_kernels, "Longs", () => new object?[] { values, 990, 999 });
        Equivalence.AssertSame(_kernels, "Longs", () => new object?[] { values, 10, 20 });
    }
}
