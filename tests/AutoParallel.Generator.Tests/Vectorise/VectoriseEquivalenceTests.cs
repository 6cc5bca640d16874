using System;
using System.Collections.Generic;
using System.Linq;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>
/// The span overload of every kernel gives, element by element, exactly what the scalar kernel gives (the same bits; NaN for NaN),
/// and throws what it throws, at every length around the vector width and on edge values (NaN, ±0, ±∞, overflow, MinValue).
/// </summary>
[Collection(Execution.RuntimeStateCollection.Name)]
public sealed class VectoriseEquivalenceTests : IClassFixture<VectoriseEquivalenceTests.Compiled>
{
    private readonly Compiled _compiled;

    public VectoriseEquivalenceTests(Compiled compiled) => _compiled = compiled;

    public static IEnumerable<object[]> Kernels()
        => Kernel.Names.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Span_overload_matches_the_scalar_kernel(string kernel) => VectoriseEquivalence.CheckAtEveryLength(_compiled.Runner, kernel);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parallel_target_matches_the_scalar_kernel_at_each_thread_count(int threads)
    {
        int before = ParallelRuntime.NumThreads;
        try
        {
            ParallelRuntime.NumThreads = threads;
            var random = new Random(threads);
            foreach (int length in new[] { 0, 5, 255, 256, 257, 5000, 100_003 })
            {
                object?[] inputs = { VectoriseEquivalence.Values(typeof(double), length, random, -2, 1), VectoriseEquivalence.Values(typeof(double), length, random, -1.5, 1.5), 30 };
                Check("MandelParallel", inputs, length);
            }
        }
        finally
        {
            ParallelRuntime.NumThreads = before;
        }
    }

    [Fact]
    public void Spans_of_different_lengths_throw_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => _compiled.Runner.Spans("Branchy", new object?[] { new double[4], new double[5] }, 4));
        Assert.Equal("y", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => _compiled.Runner.Spans("Branchy", new object?[] { new double[4], new double[4] }, 3));
        Assert.Equal("result", error.ParamName);
    }

    private void Check(string kernel, object?[] inputs, int length) => VectoriseEquivalence.Check(_compiled.Runner, kernel, inputs, length);

    /// <summary>The kernels, compiled once for the class.</summary>
    public sealed class Compiled : IDisposable
    {
        internal VectoriseKernelRunner Runner { get; } = new(VectoriseKernels.Source);

        public void Dispose() => Runner.Dispose();
    }

    private static class Kernel
    {
        public static readonly string[] Names =
        {
            "Mandel", "MandelWhile", "Axpy", "Branchy", "Maths", "MinMax", "Single", "Wrapping", "Unsigned", "Widened", "Truncate", "ToByte",
            "FromLong", "Compare", "FromBool", "Shorts", "Bytes", "Divide", "Absolute", "Thrower", "Loops", "Guarded", "Trig", "Constant", "AfterReturn", "MandelParallel",
        };
    }
}
