using System;
using System.Collections;
using System.Linq;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// Runs a user method and its generated twin on equal, fresh inputs and compares everything observable: the return value,
/// <c>out</c> values, and every array argument afterwards (deeply, any rank, NaN equal to NaN, -0.0 distinct from +0.0).
/// </summary>
internal static class Equivalence
{
    public static void AssertSame(KernelRunner kernels, string method, Func<object?[]> arguments, bool exact = true)
    {
        object?[] expectedArguments = arguments();
        object? expected = kernels.Sequential(method, expectedArguments);
        foreach (int threads in KernelRunner.ThreadCounts)
        {
            int before = ParallelRuntime.NumThreads;
            ParallelRuntime.NumThreads = threads;
            try
            {
                object?[] actualArguments = arguments();
                object? actual = kernels.Parallel(method, actualArguments);
                AssertEqual(expected, actual, $"{method} result at {threads} threads", exact);
                for (int k = 0; k < expectedArguments.Length; k++)
                {
                    AssertEqual(expectedArguments[k], actualArguments[k], $"{method} argument {k} at {threads} threads", exact);
                }
            }
            finally
            {
                ParallelRuntime.NumThreads = before;
            }
        }
    }

    public static void AssertEqual(object? expected, object? actual, string what, bool exact = true)
    {
        switch (expected)
        {
            case null:
                Assert.Null(actual);
                return;
            case double d when actual is double a:
                if (exact)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(a) || (double.IsNaN(d) && double.IsNaN(a)), $"{what}: expected {d:R}, got {a:R}");
                }
                else
                {
                    Assert.True(Math.Abs(d - a) <= 1e-9 * Math.Max(1, Math.Abs(d)) || (double.IsNaN(d) && double.IsNaN(a)), $"{what}: expected {d:R}, got {a:R}");
                }

                return;
            case float f when actual is float a:
                Assert.True(BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits(a) || (float.IsNaN(f) && float.IsNaN(a)) || (!exact && Math.Abs(f - a) <= 1e-4f * Math.Max(1, Math.Abs(f))), $"{what}: expected {f:R}, got {a:R}");
                return;
            case Memory<double> e when actual is Memory<double> a:
                AssertEqual(e.ToArray(), a.ToArray(), what, exact);
                return;
            case Array e when actual is Array a:
                Assert.Equal(e.Rank, a.Rank);
                for (int r = 0; r < e.Rank; r++)
                {
                    Assert.Equal(e.GetLength(r), a.GetLength(r));
                }

                var left = e.Cast<object?>().ToArray();
                var right = a.Cast<object?>().ToArray();
                for (int k = 0; k < left.Length; k++)
                {
                    AssertEqual(left[k], right[k], $"{what}[{k}]", exact);
                }

                return;
            default:
                Assert.True(Equals(expected, actual), $"{what}: expected {expected}, got {actual}");
                return;
        }
    }
}
