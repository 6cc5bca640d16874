using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Parallelise;

/// <summary>
/// A chunk's loop counts to an <c>int</c> end when the user's loop variable and bound are <c>int</c>s and the bound is never reached
/// (<c>&lt;</c>, <c>!=</c>, a <c>foreach</c>'s length): the JIT's loop cloning then checks <c>x[i]</c> once per chunk. Where the
/// end may not fit (<c>i &lt;= n</c> ends at n + 1, a <c>long</c> bound), the chunk keeps comparing with the <c>long</c> end.
/// </summary>
public sealed class ChunkLoopBoundTests
{
    private static readonly GeneratorRun Run = TestCompiler.Generate("""
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Parallelise]
            public static void Less(double[] x) { for (int i = 0; i < x.Length; i++) x[i] *= 2; }

            [Parallelise]
            public static void NotEqual(double[] x, int n) { for (int i = 0; i != n; i++) x[i] *= 2; }

            [Parallelise]
            public static void LessOrEqual(double[] x, int n) { for (int i = 0; i <= n; i++) x[i] *= 2; }

            [Parallelise]
            public static void LongBound(double[] x, long n) { for (int i = 0; i < n; i++) x[i] *= 2; }

            [Parallelise]
            public static void LongIndex(double[] x) { for (long i = 0; i < x.Length; i++) x[i] *= 2; }
        }
        """).ShouldCompile();

    private static string Source(string method) => Run.Sources.Single(s => s.Key.Contains("." + method + ".")).Value;

    [Theory]
    [InlineData("Less", "for (int i = (int)__from, __end = (int)__to; i < __end; i++)")]
    [InlineData("NotEqual", "for (int i = (int)__from, __end = (int)__to; i < __end; i++)")]
    [InlineData("LessOrEqual", "for (int i = (int)__from; i < __to; i++)")]
    [InlineData("LongBound", "for (int i = (int)__from; i < __to; i++)")]
    [InlineData("LongIndex", "for (long i = (long)__from; i < __to; i++)")]
    public void The_chunk_loop_counts_to_an_int_end_only_where_the_end_fits(string method, string header)
    {
        Assert.Contains(header, Source(method));
        if (!header.Contains("__end"))
        {
            Assert.DoesNotContain("__end", Source(method));
        }
    }
}
