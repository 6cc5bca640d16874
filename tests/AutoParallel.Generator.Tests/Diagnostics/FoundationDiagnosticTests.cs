using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Diagnostics;

/// <summary>AP0001–AP0004 on the foundation slice: each positive case at its exact location, and the negative case beside it.</summary>
public sealed class FoundationDiagnosticTests
{
    [Fact]
    public void AP0001_every_non_partial_type_in_the_chain()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using AutoParallel;
            public class {|AP0001:Outer|}
            {
                public static partial class Inner
                {
                    [Parallelise]
                    public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                }
            }
            public static class {|AP0001:Flat|}
            {
                [Parallelise]
                public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """);
        Assert.Contains("'Outer' must be declared partial", diagnostics[0].GetMessage());
        Assert.Contains("FillParallel", diagnostics[0].GetMessage());
    }

    [Fact]
    public void AP0001_not_reported_for_partial_chains_and_no_code_generated_when_it_is()
    {
        DiagnosticMarkup.Verify("""
            using AutoParallel;
            public partial class Outer
            {
                public static partial class Inner
                {
                    [Parallelise]
                    public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                }
            }
            """);
        var run = TestCompiler.Generate("""
            using AutoParallel;
            public static class Flat
            {
                [Parallelise]
                public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void AP0002_no_loop_or_no_counted_loop()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static int {|AP0002:NoLoop|}(int x) { return x + 1; }

                [Parallelise]
                public static int {|AP0002:ExpressionBodied|}(int x) => x + 1;

                [Parallelise]
                public static void While(int[] a)
                {
                    int i = 0;
                    {|AP0002:while (i < a.Length)|} { a[i] = i; i++; }
                }

                [Parallelise]
                public static void StepNotConstant(int[] a, int step)
                {
                    {|AP0002:for (int i = 0; i < a.Length; i += step)|} a[i] = i;
                }

                [Parallelise]
                public static void CountsDown(int[] a)
                {
                    {|AP0002:for (int i = a.Length - 1; i >= 0; i--)|} a[i] = i;
                }
            }
            """);
        Assert.Contains("while", diagnostics[2].GetMessage());
        Assert.Contains("i += step", diagnostics[3].GetMessage());
    }

    [Fact]
    public void AP0003_array_read_at_another_offset_and_carried_scalar()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static void Prefix(double[] a)
                {
                    for (int i = 1; i < a.Length; i++)
                        a[i] = {|AP0003:a[i - 1]|} + a[i];
                }

                [Parallelise]
                public static double Last(double[] a)
                {
                    double last = 0;
                    for (int i = 0; i < a.Length; i++)
                    {
                        {|AP0003:last = a[i]|};
                    }
                    return last;
                }
            }
            """);
        Assert.Contains("'a[i - 1]'", diagnostics[0].GetMessage());
        Assert.Contains("'last'", diagnostics[1].GetMessage());
    }

    [Fact]
    public void AP0003_no_code_is_generated()
    {
        var run = TestCompiler.Generate("""
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static void Prefix(double[] a) { for (int i = 1; i < a.Length; i++) a[i] = a[i - 1] + a[i]; }
            }
            """);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Stencil_reading_neighbours_and_writing_another_array_is_legal()
    {
        DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static void Smooth(double[] a, double[] b)
                {
                    for (int i = 1; i < a.Length - 1; i++)
                        b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3;
                }
            }
            """);
    }

    [Fact]
    public void AP0004_break_return_and_goto_but_not_continue_or_inner_break()
    {
        DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static int Find(int[] a, int x)
                {
                    for (int i = 0; i < a.Length; i++)
                    {
                        if (a[i] == x) {|AP0004:return i;|}
                    }
                    return -1;
                }

                [Parallelise]
                public static void Stop(int[] a)
                {
                    for (int i = 0; i < a.Length; i++)
                    {
                        if (a[i] < 0) {|AP0004:break;|}
                        a[i] = 1;
                    }
                }

                [Parallelise]
                public static void Escape(int[] counts, double[] re, int maxIterations)
                {
                    for (int p = 0; p < re.Length; p++)
                    {
                        if (re[p] > 10) continue;
                        int k = 0;
                        double z = 0;
                        for (; k < maxIterations; k++)
                        {
                            if (z * z > 4) break;
                            z = z * z + re[p];
                        }
                        counts[p] = k;
                    }
                }
            }
            """);
    }
}
