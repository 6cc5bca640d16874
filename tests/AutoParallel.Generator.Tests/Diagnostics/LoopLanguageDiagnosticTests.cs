using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Diagnostics;

/// <summary>The diagnostics of the full loop language (issue 3), each at its exact location, with the legal form beside it.</summary>
public sealed class LoopLanguageDiagnosticTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.Threading.Tasks; using AutoParallel;\n";

    [Fact]
    public void AP0003_reduction_variable_read_in_the_body()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void PrefixSum(double[] a, double[] b)
                {
                    double s = 0;
                    for (int i = 0; i < a.Length; i++) { s += a[i]; b[i] = {|AP0003:s|}; }
                }
            }
            """);
        Assert.Contains("'s' is a reduction (s += …), but the loop also reads it", d.Single().GetMessage());
    }

    [Fact]
    public void AP0003_operators_that_do_not_combine_and_integer_division()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static double Mixed(double[] a)
                {
                    double s = 1;
                    for (int i = 0; i < a.Length; i++) { s += a[i]; {|AP0003:s *= 2|}; }
                    return s;
                }

                [Parallelise]
                public static long Divide(long[] a)
                {
                    long q = 1_000_000;
                    for (int i = 0; i < a.Length; i++) {|AP0003:q /= a[i]|};
                    return q;
                }
            }
            """);
        Assert.Contains("different operators (s += … and s *= …)", d[0].GetMessage());
        Assert.Contains("integer division truncates", d[1].GetMessage());
    }

    [Fact]
    public void AP0003_every_iteration_writes_the_same_elements()
    {
        DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void Same(double[] a, double[] b) { for (int i = 0; i < a.Length; i++) {|AP0003:b[0]|} = a[i]; }

                [Parallelise]
                public static void Rows(double[] a, double[] b)
                {
                    for (int i = 0; i < a.Length; i++)
                        for (int j = 0; j < b.Length; j++)
                            {|AP0003:b[j]|} = a[i] * j;
                }

                [Parallelise]
                public static void Overlapping(double[] a)
                {
                    for (int i = 0; i < a.Length - 1; i++) { a[i] = 1; {|AP0003:a[i + 1]|} = 2; }
                }
            }
            """);
    }

    [Fact]
    public void AP0003_previous_rows_of_jagged_and_flattened_arrays()
    {
        DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void Jagged(double[][] m)
                {
                    for (int i = 1; i < m.Length; i++)
                        for (int j = 0; j < m[i].Length; j++)
                            m[i][j] = {|AP0003:m[i - 1][j]|} + 1;
                }

                [Parallelise]
                public static void Flat(double[] a, int n)
                {
                    for (int i = 1; i < a.Length / n; i++)
                        for (int j = 0; j < n; j++)
                            a[i * n + j] = {|AP0003:a[(i - 1) * n + j]|} * 0.5;
                }

                [Parallelise]
                public static void FlatOwnRow(double[] a, int n)
                {
                    for (int i = 0; i < a.Length / n; i++)
                        for (int j = 1; j < n; j++)
                            a[i * n + j] = a[i * n + j - 1] + a[i * n];
                }
            }
            """);
    }

    [Fact]
    public void AP0003_seidel_carries_dependencies_at_every_level()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void Seidel2D(double[,] a, int steps)
                {
                    int n = a.GetLength(0);
                    for (int t = 0; t < steps; t++)
                        for (int i = 1; i < n - 1; i++)
                            for (int j = 1; j < n - 1; j++)
                                {|AP0003:a[i, j]|} = (a[i - 1, j - 1] + a[i - 1, j] + a[i - 1, j + 1] + a[i, j - 1] + a[i, j] + a[i, j + 1] + a[i + 1, j - 1] + a[i + 1, j] + a[i + 1, j + 1]) / 9.0;
                }
            }
            """);
        Assert.Contains("every iteration writes 'a[i, j]'", d.Single().GetMessage());
        Assert.Empty(TestCompiler.Generate(Usings + "public static partial class K { [Parallelise] public static void S(double[,] a, int steps) { int n = a.GetLength(0); for (int t = 0; t < steps; t++) for (int i = 1; i < n - 1; i++) for (int j = 1; j < n - 1; j++) a[i, j] = (a[i, j - 1] + a[i - 1, j]) / 2; } }").Sources);

        // Reading only the neighbouring rows while writing row i: within one i, the j iterations are independent.
        var run = TestCompiler.Generate(Usings + "public static partial class K { [Parallelise] public static void S(double[,] a, int steps) { int n = a.GetLength(0); for (int t = 0; t < steps; t++) for (int i = 1; i < n - 1; i++) for (int j = 1; j < n - 1; j++) a[i, j] = (a[i - 1, j] + a[i + 1, j]) / 2; } }").ShouldCompile();
        Assert.Contains("for (int j = (int)__from, __end = (int)__to; j < __end; j++)", run.Sources.Single().Value);
    }

    [Fact]
    public void AP0014_time_loop_stays_sequential_and_the_inner_loops_are_parallelised()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void Jacobi(double[] a, double[] b, int steps)
                {
                    {|AP0014:for (int t = 0; t < steps; t++)|}
                    {
                        for (int i = 1; i < a.Length - 1; i++) b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3;
                        for (int i = 1; i < a.Length - 1; i++) a[i] = b[i];
                    }
                }
            }
            """);
        string message = d.Single().GetMessage();
        Assert.Contains("Loop 'for (int t = 0; t < steps; t++)' stays sequential (loop-carried dependency: every iteration writes 'b[i]'", message);
        Assert.Contains("the inner loops 'for (int i = 1; i < a.Length - 1; i++)' and 'for (int i = 1; i < a.Length - 1; i++)' are parallelised", message);
    }

    [Fact]
    public void AP0004_constructs_that_leave_or_suspend_the_loop()
    {
        DiagnosticMarkup.Verify(Usings + """
            public partial class K : Base
            {
                [Parallelise]
                public static void Goto(int[] a) { for (int i = 0; i < a.Length; i++) { if (a[i] < 0) {|AP0004:goto done;|} a[i] = 1; } done:; }

                [Parallelise]
                public static IEnumerable<int> Yield(int[] a) { for (int i = 0; i < a.Length; i++) {|AP0004:yield return a[i];|} }

                [Parallelise]
                public static async Task Await(int[] a) { for (int i = 0; i < a.Length; i++) {|AP0004:await Task.Yield()|}; }

                [Parallelise]
                public static void RefParameter(int[] a, ref int count) { for (int i = 0; i < a.Length; i++) {|AP0004:count++|}; }

                [Parallelise]
                public void BaseAccess(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = {|AP0004:base.Twice|}(i); }

                [Parallelise]
                public static void LocalFunction(int[] a)
                {
                    int Square(int x) => x * x;
                    for (int i = 0; i < a.Length; i++) a[i] = {|AP0004:Square(i)|};
                }

                [Parallelise]
                public static void ManagedSpan(Span<string> s) { for (int i = 0; i < s.Length; i++) {|AP0004:s|}[i] = "x"; }

                [Parallelise]
                public static void Fine(int[] a)
                {
                    for (int i = 0; i < a.Length; i++)
                    {
                        if (a[i] == 0) continue;
                        Func<int, int> twice = x => { if (x > 10) return x; return 2 * x; };
                        static int Local(int x) => x + 1;
                        a[i] = twice(Local(a[i]));
                    }
                }
            }

            public class Base { public virtual int Twice(int x) => 2 * x; }
            """);
    }

    [Fact]
    public void AP0005_an_explicit_inner_loop_under_an_independent_outer_loop()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise(Outer = false)]
                public static void Inner(double[,] m)
                {
                    for (int i = 0; i < m.GetLength(0); i++)
                        {|AP0005:for (int j = 0; j < m.GetLength(1); j++)|} m[i, j] = i + j;
                }

                [Parallelise]
                public static void PrangeInner(double[,] m)
                {
                    for (int i = 0; i < m.GetLength(0); i++)
                        {|AP0005:foreach (var j in Prange.Range(m.GetLength(1)))|} m[i, j] = i + j;
                }

                [Parallelise(Outer = false)]
                public static void TimeLoop(double[] a, double[] b, int steps)
                {
                    for (int t = 0; t < steps; t++)
                        for (int i = 1; i < a.Length - 1; i++) { b[i] = a[i - 1] + a[i + 1]; a[i] = b[i] * 0.5; }
                }
            }
            """, ignore: "AP0003");
        Assert.Contains("sits inside loop 'for (int i = 0; i < m.GetLength(0); i++)'", d[0].GetMessage());
    }

    [Fact]
    public void AP0006_nested_parallel_regions_directly_and_through_one_call()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void Rows(double[][] m)
                {
                    for (int i = 0; i < m.Length; i++)
                    {
                        double[] row = m[i];
                        {|AP0006:Parallel.For(0, row.Length, j => row[j] *= 2)|};
                        {|AP0006:ScaleParallel(row)|};
                        {|AP0006:Helper(row)|};
                    }
                }

                [Parallelise]
                public static void Scale(double[] row) { for (int j = 0; j < row.Length; j++) row[j] *= 2; }

                private static void Helper(double[] row) => Parallel.For(0, row.Length, j => row[j] += 1);

                public static void NotInAParallelLoop(double[] a) => Parallel.For(0, a.Length, i => a[i] = i);
            }
            """, ignore: "AP0008");
        Assert.Contains("'Helper' starts a parallel region", d[2].GetMessage());
    }

    [Fact]
    public void AP0008_what_the_analysis_cannot_prove()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public partial class K
            {
                private int _count;
                private static double s_total;
                private readonly Random _shared = new();
                private double _factor = 2;

                [Parallelise]
                public void Races(int[] a, int[] idx, List<int> evens)
                {
                    for (int i = 0; i < a.Length; i++)
                    {
                        {|AP0008:_count++|};
                        {|AP0008:s_total += a[i]|};
                        {|AP0008:a[idx[i]]|} = i;
                        if (a[i] % 2 == 0) {|AP0008:evens.Add(a[i])|};
                        a[i] += {|AP0008:_shared.Next()|};
                        {|AP0008:Console.WriteLine(i)|};
                        {|AP0008:Bump()|};
                    }
                }

                private void Bump() => _count++;

                private double Pure(double x) => Math.Sqrt(x) * _factor;

                [Parallelise]
                public void Clean(double[] a)
                {
                    for (int i = 0; i < a.Length; i++)
                    {
                        var local = new List<double> { a[i] };
                        local.Add(Random.Shared.NextDouble());
                        a[i] = Pure(a[i]) + Math.Abs(local[0]) + Math.Max(a[i], 0);
                    }
                }
            }
            """, ignore: "AP0003");
        Assert.Contains("'evens.Add(a[i])' changes 'evens', a List", d.Single(x => x.GetMessage().Contains("evens", System.StringComparison.Ordinal)).GetMessage());
        Assert.Contains("System.Random shared by all iterations", d.Single(x => x.GetMessage().Contains("Random", System.StringComparison.Ordinal)).GetMessage());
    }

    [Fact]
    public void AP0009_constant_trip_counts_below_the_threshold()
    {
        DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void Rgb(float[] pixel) { {|AP0009:for (int c = 0; c < 3; c++)|} pixel[c] *= 0.5f; }

                [Parallelise]
                public static void Big(float[] pixel) { for (int c = 0; c < 1_000_000; c++) pixel[c] *= 0.5f; }

                [Parallelise]
                public static void Variable(float[] pixel, int n) { for (int c = 0; c < n; c++) pixel[c] *= 0.5f; }

                [Parallelise(MinIterations = 10)]
                public static void ExplicitThreshold(float[] pixel) { {|AP0009:foreach (var c in Prange.Range(0, 9))|} pixel[c] *= 0.5f; }
            }
            """);
    }

    [Fact]
    public void AP0012_collapse_needs_a_perfect_rectangular_nest()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise(Collapse = 2)]
                public static void Triangle(double[,] m)
                {
                    {|AP0012:for (int i = 0; i < m.GetLength(0); i++)|}
                        for (int j = 0; j < i; j++) m[i, j] = 1;
                }

                [Parallelise(Collapse = 2)]
                public static void NotPerfect(double[,] m)
                {
                    {|AP0012:for (int i = 0; i < m.GetLength(0); i++)|}
                    {
                        double scale = i * 0.5;
                        for (int j = 0; j < m.GetLength(1); j++) m[i, j] = scale;
                    }
                }

                [Parallelise(Collapse = 2)]
                public static void InnerDependency(double[,] m)
                {
                    {|AP0012:for (int i = 0; i < m.GetLength(0); i++)|}
                        for (int j = 1; j < m.GetLength(1); j++) m[i, j] = m[i, j - 1] + 1;
                }

                [Parallelise(Collapse = 2)]
                public static void Good(double[,] m)
                {
                    for (int i = 0; i < m.GetLength(0); i++)
                        for (int j = 0; j < m.GetLength(1); j++) m[i, j] = i * j;
                }
            }
            """);
        Assert.Contains("depends on an outer loop variable", d[0].GetMessage());
        Assert.Contains("not exactly one loop", d[1].GetMessage());
        Assert.Contains("carries a dependency", d[2].GetMessage());
    }

    [Fact]
    public void AP0013_reports_each_parallelised_loop_when_enabled()
    {
        var d = DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise(Schedule = Schedule.Dynamic, ChunkSize = 4)]
                public static double Sum(double[] a)
                {
                    double s = 0;
                    {|AP0013:for (int i = 0; i < a.Length; i++)|} { double x = a[i] * 2; s += x; }
                    return s;
                }
            }
            """);
        Assert.StartsWith(
            "'Sum': parallelised 'for (int i = 0; i < a.Length; i++)'; reductions: s (s += …); private: x; shared: a; schedule: Dynamic, chunk size 4; estimated cost ",
            d.Single().GetMessage());
        Assert.EndsWith(" ns per iteration", d.Single().GetMessage());
    }

    [Fact]
    public void AP0002_generated_name_clash_and_invalid_clauses()
    {
        DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static void {|AP0002:Fill|}(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                public static void FillParallel(int[] a) { }

                [Parallelise(Name = "Other")]
                public static void Renamed(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                public static void RenamedParallel(int[] a) { }

                [Parallelise]
                public static void Overload(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                [Parallelise]
                public static void Overload(long[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }

                [{|AP0002:Parallelise(ChunkSize = -1)|}]
                public static void BadChunk(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """);
    }
}

/// <summary>Soundness: what must never be generated silently.</summary>
public sealed class SoundnessDiagnosticTests
{
    private const string Usings = "using System; using AutoParallel;\n";

    [Fact]
    public void A_reduction_updated_inside_a_lambda_is_refused()
    {
        DiagnosticMarkup.Verify(Usings + """
            public static partial class K
            {
                [Parallelise]
                public static int Count(int[] a)
                {
                    int n = 0;
                    for (int i = 0; i < a.Length; i++)
                    {
                        Action bump = () => {|AP0003:n++|};
                        if (a[i] > 0) bump();
                    }
                    return n;
                }
            }
            """);
    }

    [Fact]
    public void Writes_through_pointers_are_flagged()
    {
        DiagnosticMarkup.Verify(Usings + """
            public static unsafe partial class K
            {
                [Parallelise]
                public static void Raw(double* p, int n, double[] a)
                {
                    for (int i = 0; i < n; i++) { {|AP0008:p[i]|} = a[i]; {|AP0008:*(p + i)|} += 1; a[i] = p[i + 1]; }
                }
            }
            """);
    }

    [Fact]
    public void Fields_of_owned_elements_are_the_iterations_own_but_shared_objects_are_not()
    {
        DiagnosticMarkup.Verify(Usings + """
            public struct Point { public double X, Y; }
            public sealed class Cell { public double Value; public Cell? Next; }
            public static partial class K
            {
                [Parallelise]
                public static void Move(Point[] points, Cell[] cells, Cell shared)
                {
                    for (int i = 0; i < points.Length; i++)
                    {
                        points[i].X += 1;
                        points[i].Y = points[i].X * 2;
                        cells[i].Value = i;
                        var mine = new Cell();
                        mine.Value = 3;
                        {|AP0008:shared.Value = i|};
                        {|AP0008:cells[i].Next!.Value = 1|};
                    }
                }
            }
            """);
    }
}

/// <summary>Hand-written parallel loops inside a [Parallelise] method's loop.</summary>
public sealed class HandWrittenInsideMarkedTests
{
    [Fact]
    public void A_parallel_for_over_the_whole_array_inside_a_time_loop_carries_the_dependency()
    {
        DiagnosticMarkup.Verify("""
            using System.Linq;
            using System.Threading.Tasks;
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static void Steps(double[] a, double[] b, int steps)
                {
                    for (int t = 0; t < steps; t++)
                        Parallel.For(0, b.Length, j => {|AP0003:b[j]|} = a[j] * t);
                }

                [Parallelise]
                public static void Rows(double[][] m, double[] sums)
                {
                    for (int i = 0; i < m.Length; i++)
                        sums[i] = {|AP0006:m[i].AsParallel().Select(x => x * 2).Sum()|};
                }
            }
            """, ignore: "AP0008");
    }
}
