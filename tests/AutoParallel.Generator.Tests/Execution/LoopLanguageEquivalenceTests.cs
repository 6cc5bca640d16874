using System;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;
using CsCheck;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// Every loop shape, data kind, reduction and clause of DESIGN.md §3: the generated method gives what the user's method gives,
/// on empty, tiny, odd and larger inputs, at 1 to 7 threads (exactly, bit for bit, unless a test says otherwise).
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class LoopLanguageEquivalenceTests : IClassFixture<LoopLanguageFixture>
{
    private static readonly int[] Sizes = { 0, 1, 2, 3, 5, 17, 256, 1001 };

    private readonly KernelRunner _kernels;

    public LoopLanguageEquivalenceTests(LoopLanguageFixture fixture) => _kernels = fixture.Kernels;

    public static TheoryData<int> SizeData() => new(Sizes);

    [Theory]
    [MemberData(nameof(SizeData))]
    public void Loop_shapes(int n)
    {
        Equivalence.AssertSame(_kernels, "LessOrEqual", () => new object?[] { new int[n + 1], n });
        Equivalence.AssertSame(_kernels, "NotEqual", () => new object?[] { new long[n + 2] });
        Equivalence.AssertSame(_kernels, "StepThree", () => new object?[] { new double[n] });
        Equivalence.AssertSame(_kernels, "PreIncrementAndAssignStep", () => new object?[] { new int[n], new int[n] });
        Equivalence.AssertSame(_kernels, "NativeIndex", () => new object?[] { new int[n] });
        Equivalence.AssertSame(_kernels, "ForeachArray", () => new object?[] { Ints(n) });
        Equivalence.AssertSame(_kernels, "CountEvensArray", () => new object?[] { Ints(n) });
        Equivalence.AssertSame(_kernels, "RefSpanArray", () => new object?[] { Ints(n) });
        Equivalence.AssertSame(_kernels, "MemorySum", () => new object?[] { new Memory<double>(Exact(n + 3), 1, n) });
        Equivalence.AssertSame(_kernels, "PrangeStep", () => new object?[] { new int[n] });
        Equivalence.AssertSame(_kernels, "PrangeLong", () => new object?[] { new long[n] });
        Equivalence.AssertSame(_kernels, "PrangeVariableStep", () => new object?[] { new int[n], 1 + (n % 4) });
        Equivalence.AssertSame(_kernels, "PrangeInnerRunsSequentially", () => new object?[] { new double[n % 40, 7] });
        Equivalence.AssertSame(_kernels, "SeveralLoops", () => new object?[] { Exact(n), Exact(n) });
    }

    [Theory]
    [MemberData(nameof(SizeData))]
    public void Data_kinds(int n)
    {
        Equivalence.AssertSame(_kernels, "MultiDimensional", () => new object?[] { new int[n % 50, 13] });
        Equivalence.AssertSame(_kernels, "Jagged", () => new object?[] { Enumerable.Range(0, n % 60).Select(i => Exact(i % 9)).ToArray() });
        Equivalence.AssertSame(_kernels, "Flattened", () => new object?[] { new double[(n % 40) * 11], n % 40, 11 });
        Equivalence.AssertSame(_kernels, "RowSlices", () => new object?[] { new double[(n % 40) * 6], 6 });
        Equivalence.AssertSame(_kernels, "GenericSumInt", () => new object?[] { Ints(n) });
        Equivalence.AssertSame(_kernels, "EscapedNames", () => new object?[] { new int[n], 42 });
    }

    [Theory]
    [MemberData(nameof(SizeData))]
    public void Reductions(int n)
    {
        Equivalence.AssertSame(_kernels, "AllIntegerOperators", () => new object?[] { Ints(n), null, null, null, null });
        Equivalence.AssertSame(_kernels, "MinMaxForms", () => new object?[] { Ints(n), null, null, null, null });
        Equivalence.AssertSame(_kernels, "CountingInBranches", () => new object?[] { Ints(n), null });
        Equivalence.AssertSame(_kernels, "Logical", () => new object?[] { Enumerable.Range(0, n).Select(i => i % 7 != 3).ToArray(), null });
        Equivalence.AssertSame(_kernels, "SumInIfElse", () => new object?[] { Ints(n) });
        Equivalence.AssertSame(_kernels, "DecimalSum", () => new object?[] { Enumerable.Range(0, n).Select(i => i * 0.25m).ToArray() });
        Equivalence.AssertSame(_kernels, "Histogram", () => new object?[] { Enumerable.Range(0, n).Select(i => i * 7 % 13).ToArray(), new int[13] });
        Equivalence.AssertSame(_kernels, "WeightedColumns", () => new object?[]
        {
            Enumerable.Range(0, n % 70).Select(i => Exact(5)).ToArray(), Exact(n % 70), new double[5],
        });
    }

    [Fact]
    public void Reductions_hold_on_random_and_huge_inputs()
    {
        // One sample at a time: the thread count these tests set is process-wide.
        Gen.Int[-100_000, 100_000].Array[0, 5_000].Sample(values =>
        {
            Equivalence.AssertSame(_kernels, "AllIntegerOperators", () => new object?[] { values, null, null, null, null });
            Equivalence.AssertSame(_kernels, "MinMaxForms", () => new object?[] { values, null, null, null, null });
            Equivalence.AssertSame(_kernels, "Histogram", () => new object?[] { values.Select(v => Math.Abs(v) % 13).ToArray(), new int[13] });
        }, iter: 15, threads: 1);

        int[] huge = Enumerable.Range(0, 1_000_003).Select(i => (int)((i * 2654435761L) % 2_000_001) - 1_000_000).ToArray();
        int[] bins = Array.ConvertAll(huge, v => Math.Abs(v) % 13);
        Equivalence.AssertSame(_kernels, "AllIntegerOperators", () => new object?[] { huge, null, null, null, null });
        Equivalence.AssertSame(_kernels, "CountingInBranches", () => new object?[] { huge, null });
        Equivalence.AssertSame(_kernels, "Histogram", () => new object?[] { bins, new int[13] });
    }

    [Fact]
    public void Floating_point_min_max_keep_nan_and_signed_zero_semantics()
    {
        double[][] inputs =
        {
            Array.Empty<double>(),
            new[] { 0.0, -0.0, 0.0, -0.0 },
            new[] { -0.0, 0.0 },
            new[] { 3.0, double.NaN, -2.0, double.NegativeInfinity, 7.5 },
            new[] { double.NaN, double.NaN },
            Enumerable.Range(0, 999).Select(i => i % 5 == 0 ? -0.0 : i % 7 == 0 ? 0.0 : (i % 11) - 5.0).ToArray(),
        };
        foreach (double[] input in inputs)
        {
            Equivalence.AssertSame(_kernels, "FloatMinMax", () => new object?[] { (double[])input.Clone(), null, null });
        }
    }

    [Fact]
    public void Floating_point_products_and_quotients_are_deterministic_and_close()
    {
        foreach (int n in Sizes)
        {
            double[] values = Enumerable.Range(0, n).Select(i => 1 + ((i % 9) - 4) / 64.0).ToArray();
            var results = _kernels.ParallelAtEachThreadCount("ProductAndQuotient", () => new object?[] { values, null }).Select(r => (double)r.Result!).ToList();
            Assert.All(results, r => Assert.Equal(BitConverter.DoubleToInt64Bits(results[0]), BitConverter.DoubleToInt64Bits(r)));
            Equivalence.AssertSame(_kernels, "ProductAndQuotient", () => new object?[] { values, null }, exact: false);
        }
    }

    [Theory]
    [MemberData(nameof(SizeData))]
    public void Schedules_and_clauses(int n)
    {
        Equivalence.AssertSame(_kernels, "StaticSchedule", () => new object?[] { Ints(n) });
        Equivalence.AssertSame(_kernels, "DynamicTriangle", () => new object?[] { Enumerable.Range(0, n % 50).Select(i => new double[n % 50]).ToArray() });
        Equivalence.AssertSame(_kernels, "Guided", () => new object?[] { Exact(n) });
        Equivalence.AssertSame(_kernels, "CollapseTwo", () => new object?[] { new double[n % 5, n % 23] });
        Equivalence.AssertSame(_kernels, "CollapseThree", () => new object?[] { new int[n % 4, 3, 5], n % 4, 3, 5 });
    }

    [Fact]
    public void A_time_loop_around_a_stencil_runs_its_inner_loops_in_parallel()
    {
        foreach (int n in Sizes)
        {
            Equivalence.AssertSame(_kernels, "Jacobi1D", () => new object?[] { Exact(n), new double[n], 5 }, exact: true);
        }
    }

    [Fact]
    public void The_seed_mandelbrot_matches()
    {
        foreach (var (size, iterations) in new[] { (1, 20), (37, 20), (100, 20), (64, 200) })
        {
            double[] re = Enumerable.Range(0, size).Select(i => -0.635 + 0.8 * i / Math.Max(1, size - 1)).ToArray();
            double[] im = Enumerable.Range(0, size).Select(i => 0.427 + 0.8 * i / Math.Max(1, size - 1)).ToArray();
            Equivalence.AssertSame(_kernels, "Mandelbrot", () => new object?[] { re, im, new int[size, size], iterations });
        }
    }

    [Fact]
    public void Instance_methods_of_classes_and_structs()
    {
        Type scaler = _kernels.Assembly.Assembly.GetType("Demo.Scaler")!;
        Type offset = _kernels.Assembly.Assembly.GetType("Demo.Offset")!;
        foreach (int n in Sizes)
        {
            double[] sequentialData = Exact(n), parallelData = Exact(n);
            object instance = Activator.CreateInstance(scaler, 1.5)!;
            object? expected = LoadedAssembly.Invoke(scaler.GetMethod("ScaleAll")!, instance, new object?[] { sequentialData });
            object? actual = LoadedAssembly.Invoke(scaler.GetMethod("ScaleAllParallel")!, instance, new object?[] { parallelData });
            Equivalence.AssertEqual(expected, actual, "ScaleAll");
            Equivalence.AssertEqual(sequentialData, parallelData, "ScaleAll data");

            object amount = Activator.CreateInstance(offset)!;
            offset.GetField("Amount")!.SetValue(amount, 9);
            int[] left = Ints(n), right = Ints(n);
            LoadedAssembly.Invoke(offset.GetMethod("AddTo")!, amount, new object?[] { left });
            LoadedAssembly.Invoke(offset.GetMethod("AddToParallel")!, amount, new object?[] { right });
            Assert.Equal(left, right);
        }
    }

    /// <summary>Integers with a spread of signs and magnitudes.</summary>
    private static int[] Ints(int n) => Enumerable.Range(0, n).Select(i => ((i * 7919) % 2003) - 1000).ToArray();

    /// <summary>Doubles that are multiples of 1/8 of moderate size, so sums are exact in any order.</summary>
    private static double[] Exact(int n) => Enumerable.Range(0, n).Select(i => ((i * 37) % 101 - 50) / 8.0).ToArray();
}
