using System.Linq;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>
/// A kernel's parameters may have any names, those of the span overload's own locals included (<c>k</c>, <c>length</c>,
/// <c>lanes</c> …) and names that start with <c>__</c>: the overload still compiles and gives the scalar kernel's results.
/// </summary>
[Collection(Execution.RuntimeStateCollection.Name)]
public sealed class VectoriseNameTests
{
    private const string Source = """
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Vectorise]
            public static double Underscored(double __k, double __lanes) => __k * 2 + __lanes;

            [Vectorise(Target = VectoriseTarget.Parallel)]
            public static double UnderscoredParallel(double __from, double __length) => __from * __length;

            [Vectorise]
            public static double LikeTheLocals(double k, double length, double e) => k * length + e;

            [Vectorise(Target = VectoriseTarget.Parallel)]
            public static double LikeTheBlocks(double k, double lanes, double blocks, double start) => k * lanes - blocks + start;

            [Vectorise]
            public static double Keyword(double @class, double active) => @class < active ? @class : active;
        }
        """;

    [Fact]
    public void Overloads_of_kernels_named_like_the_generated_code_give_the_scalar_results()
    {
        using var runner = new VectoriseKernelRunner(Source);
        Assert.Equal(5, runner.Kernels.Count);
        const int length = 1037;
        foreach (string kernel in runner.Kernels)
        {
            int arity = runner.Signature(kernel).Parameters.Count;
            object?[] inputs = Enumerable.Range(0, arity)
                .Select(p => (object?)Enumerable.Range(0, length).Select(i => ((i * (p + 3)) % 17) - 8.5).ToArray())
                .ToArray();
            System.Array spans = runner.Spans(kernel, inputs, length);
            for (int k = 0; k < length; k++)
            {
                Assert.Equal(runner.Scalar(kernel, inputs, k), spans.GetValue(k));
            }
        }
    }
}
