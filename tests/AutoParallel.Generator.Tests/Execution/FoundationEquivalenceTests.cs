using System;
using System.Linq;
using CsCheck;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// The generated method returns what the user's method returns: on empty, tiny, odd and large inputs, below and above the
/// sequential threshold (MinIterations = 2 forces the parallel path even for tiny inputs), at 1 to 7 threads.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class FoundationEquivalenceTests : IDisposable
{
    private static readonly int[] Sizes = { 0, 1, 2, 3, 7, 64, 1001, 20_011, 100_003 };

    private readonly KernelRunner _kernels = new("""
        using System;
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Parallelise]
            public static double Sum(double[] values)
            {
                double sum = 0;
                for (int i = 0; i < values.Length; i++) sum += values[i];
                return sum;
            }

            [Parallelise(MinIterations = 2)]
            public static double SumEager(double[] values)
            {
                double sum = 0;
                for (int i = 0; i < values.Length; i++) sum += values[i];
                return sum;
            }

            [Parallelise(MinIterations = 2)]
            public static double SumFromNegativeZero(double[] values)
            {
                double sum = -0.0;
                for (int i = 0; i < values.Length; i++) sum += values[i];
                return sum;
            }

            [Parallelise]
            public static double SumFromNegativeZeroInOneChunk(double[] values)
            {
                double sum = -0.0;
                for (int i = 0; i < values.Length; i++) sum += values[i];
                return sum;
            }

            [Parallelise]
            public static double SumFromNonZero(double[] values, double start)
            {
                double sum = start;
                for (int i = 0; i < values.Length; i++) sum += values[i];
                return sum;
            }

            [Parallelise(MinIterations = 2)]
            public static double SumFromNonZeroEager(double[] values, double start)
            {
                double sum = start;
                for (int i = 0; i < values.Length; i++) sum += values[i];
                return sum;
            }

            [Parallelise(MinIterations = 2)]
            public static long IntegerSumAndProduct(int[] values, out long product)
            {
                long sum = 10, p = 1;
                for (int i = 0; i < values.Length; i += 3)
                {
                    sum += values[i];
                    p *= values[i] % 5 + 2;
                }

                product = p;
                return sum;
            }

            [Parallelise(MinIterations = 2)]
            public static void Scale(double[] source, double[] target, double factor)
            {
                for (int i = 0; i < source.Length; i++)
                    target[i] = Math.Sqrt(Math.Abs(source[i])) * factor;
            }

            [Parallelise(MinIterations = 2)]
            public static void Table(double[][] x)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    double[] row = x[i];
                    for (int j = 0; j < row.Length; j++) row[j] = (double)i * j;
                }
            }

            [Parallelise(MinIterations = 2)]
            public static void Fail(int[] values, int bad)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    if (i >= bad) throw new InvalidOperationException("iteration " + i);
                    values[i] = i;
                }
            }
        }
        """);

    public void Dispose() => _kernels.Dispose();

    [Fact]
    public void Sum_is_exact_where_the_sequential_sum_is_exact()
    {
        // Multiples of 2^-10 below 2^20: every partial sum is exact, so reassociation cannot change a bit.
        Gen.Int[-1 << 20, 1 << 20].Select(v => v / 1024.0).Array[0, 3000].Sample(values =>
        {
            double expected = (double)_kernels.Sequential("Sum", values)!;
            Assert.Equal(expected, (double)_kernels.Parallel("Sum", values)!);
            Assert.Equal(expected, (double)_kernels.Parallel("SumEager", values)!);
        }, iter: 200);
    }

    [Fact]
    public void Deterministic_sum_has_the_same_bits_at_every_thread_count_and_in_the_sequential_fallback()
    {
        foreach (int size in Sizes)
        {
            var random = new Random(size);
            double[] values = Enumerable.Range(0, size).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9))).ToArray();
            var results = _kernels.ParallelAtEachThreadCount("SumEager", () => new object?[] { values }).Select(r => (double)r.Result!).ToList();
            var fallback = _kernels.ParallelAtEachThreadCount("Sum", () => new object?[] { values }).Select(r => (double)r.Result!).ToList();
            double sequential = (double)_kernels.Sequential("Sum", values)!;
            Assert.All(results.Concat(fallback), r => Assert.Equal(BitConverter.DoubleToInt64Bits(results[0]), BitConverter.DoubleToInt64Bits(r)));
            Assert.Equal(sequential, results[0], Math.Abs(sequential) * 1e-12 + 1e-300);
        }
    }

    [Fact]
    public void Negative_zero_survives_a_floating_point_sum()
    {
        // -0.0 + -0.0 is -0.0; a chunk starting from +0.0 would turn the sequential -0.0 into +0.0.
        double[] zeros = { -0.0, -0.0, -0.0, -0.0, -0.0 };
        foreach (string kernel in new[] { "SumFromNegativeZero", "SumEager" })
        {
            long expected = BitConverter.DoubleToInt64Bits((double)_kernels.Sequential(kernel, zeros)!);
            Assert.All(_kernels.ParallelAtEachThreadCount(kernel, () => new object?[] { zeros }), r => Assert.Equal(expected, BitConverter.DoubleToInt64Bits((double)r.Result!)));
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits((double)_kernels.Parallel("SumFromNegativeZero", zeros)!));
    }

    [Fact]
    public void A_small_sum_that_runs_straight_into_its_seed_keeps_every_sign_of_zero()
    {
        // Below the threshold a sum whose seed is either zero runs straight into it, without a chunk accumulator started from
        // -0.0 and a combine step. Values of ±0 and ±0.5 make every partial sum exact, so only the signs of zeros could differ,
        // from the user's loop or from the chunked path (MinIterations = 2, several threads).
        Gen.Int[0, 3].Select(k => new[] { -0.0, 0.0, 0.5, -0.5 }[k]).Array[0, 40].Sample(values =>
        {
            foreach ((string kernel, string eager) in new[] { ("Sum", "SumEager"), ("SumFromNegativeZeroInOneChunk", "SumFromNegativeZero") })
            {
                long expected = BitConverter.DoubleToInt64Bits((double)_kernels.Sequential(kernel, values)!);
                Assert.Equal(expected, BitConverter.DoubleToInt64Bits((double)_kernels.Parallel(kernel, values)!));
                Assert.All(_kernels.ParallelAtEachThreadCount(eager, () => new object?[] { values }), r => Assert.Equal(expected, BitConverter.DoubleToInt64Bits((double)r.Result!)));
            }
        }, iter: 300);
    }

    [Fact]
    public void A_small_sum_from_a_seed_that_is_not_an_identity_has_the_bits_of_the_chunked_path()
    {
        // 1.25 + (chunk) differs from the user's ((1.25 + x0) + x1) …: below the threshold the seed must not take the chunk
        // directly, or the bits would depend on whether the loop ran as one chunk.
        foreach (int size in new[] { 1, 2, 3, 7, 64, 1001 })
        {
            var random = new Random(size);
            double[] values = Enumerable.Range(0, size).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9))).ToArray();
            foreach (double start in new[] { 1.25, -3e-5, double.NaN })
            {
                long expected = BitConverter.DoubleToInt64Bits((double)_kernels.Parallel("SumFromNonZeroEager", values, start)!);
                Assert.Equal(expected, BitConverter.DoubleToInt64Bits((double)_kernels.Parallel("SumFromNonZero", values, start)!));
                Assert.All(_kernels.ParallelAtEachThreadCount("SumFromNonZeroEager", () => new object?[] { values, start }), r => Assert.Equal(expected, BitConverter.DoubleToInt64Bits((double)r.Result!)));
            }
        }
    }

    [Fact]
    public void Integer_reductions_with_a_step_and_non_identity_start_are_exact()
    {
        foreach (int size in Sizes)
        {
            int[] values = Enumerable.Range(0, size).Select(i => (i * 7919) % 1000 - 500).ToArray();
            object?[] sequentialArguments = { values, null };
            long expectedSum = (long)_kernels.Sequential("IntegerSumAndProduct", sequentialArguments)!;
            foreach (var (threads, _) in _kernels.ParallelAtEachThreadCount("IntegerSumAndProduct", () => new object?[] { values, null }))
            {
                object?[] arguments = { values, null };
                ParallelRuntime.NumThreads = threads;
                Assert.Equal(expectedSum, (long)_kernels.Parallel("IntegerSumAndProduct", arguments)!);
                Assert.Equal(sequentialArguments[1], arguments[1]);
            }

            ParallelRuntime.NumThreads = ParallelRuntime.DefaultNumThreads;
        }
    }

    [Fact]
    public void Element_wise_writes_and_nested_rows_match()
    {
        foreach (int size in Sizes.Where(s => s < 50_000))
        {
            double[] source = Enumerable.Range(0, size).Select(i => i * 1.5 - 100).ToArray();
            double[] expected = new double[size];
            _kernels.Sequential("Scale", source, expected, 3.0);
            double[] actual = new double[size];
            foreach (var _ in _kernels.ParallelAtEachThreadCount("Scale", () => new object?[] { source, actual, 3.0 }))
            {
                Assert.Equal(expected, actual);
            }

            double[][] reference = Enumerable.Range(0, size % 300).Select(_ => new double[17]).ToArray();
            _kernels.Sequential("Table", new object?[] { reference });
            foreach (var _ in _kernels.ParallelAtEachThreadCount("Table", () => new object?[] { Enumerable.Range(0, size % 300).Select(_ => new double[17]).ToArray() }))
            {
            }

            double[][] table = Enumerable.Range(0, size % 300).Select(_ => new double[17]).ToArray();
            _kernels.Parallel("Table", new object?[] { table });
            Assert.Equal(reference.SelectMany(r => r), table.SelectMany(r => r));
        }
    }

    [Fact]
    public void Span_kernels_run_without_unsafe_code_and_match()
    {
        using var spans = new KernelRunner("""
            using System;
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise(MinIterations = 2)]
                public static long Dot(ReadOnlySpan<int> x, ReadOnlySpan<int> y, Span<long> products)
                {
                    long dot = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        products[i] = (long)x[i] * y[i];
                        dot += products[i];
                    }

                    return dot;
                }

                public static long RunDot(int[] x, int[] y, long[] products) => Dot(x, y, products);

                public static long RunDotParallel(int[] x, int[] y, long[] products) => DotParallel(x, y, products);
            }
            """, allowUnsafe: false);
        foreach (int size in Sizes)
        {
            int[] x = Enumerable.Range(0, size).Select(i => i * 31 % 977 - 400).ToArray();
            int[] y = Enumerable.Range(0, size).Select(i => i * 17 % 531 - 200).ToArray();
            long[] expected = new long[size];
            long expectedDot = (long)spans.Sequential("RunDot", x, y, expected)!;
            foreach (var (_, result) in spans.ParallelAtEachThreadCount("RunDot", () =>
            {
                long[] products = new long[size];
                return new object?[] { x, y, products };
            }))
            {
                Assert.Equal(expectedDot, (long)result!);
            }

            long[] actual = new long[size];
            Assert.Equal(expectedDot, (long)spans.Parallel("RunDot", x, y, actual)!);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void An_exception_in_the_body_surfaces_as_itself_from_the_earliest_failing_iteration()
    {
        foreach (int threads in KernelRunner.ThreadCounts)
        {
            ParallelRuntime.NumThreads = threads;
            var error = Assert.Throws<InvalidOperationException>(() => _kernels.Parallel("Fail", new int[10_000], 1234));
            Assert.Equal("iteration 1234", error.Message);
        }

        ParallelRuntime.NumThreads = ParallelRuntime.DefaultNumThreads;
    }
}
