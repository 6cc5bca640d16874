using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Analyzers;

/// <summary>AP0006 in hand-written code: a parallel region started inside the body of another.</summary>
public sealed class NestedParallelismTests
{
    [Fact]
    public void Parallel_loops_Invoke_and_PLINQ_inside_a_Parallel_For_body()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System.Linq;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Nested(double[][] m, double[] sums)
                {
                    Parallel.For(0, m.Length, i =>
                    {
                        {|AP0006:Parallel.For(0, m[i].Length, j => m[i][j] *= 2)|};
                        {|AP0006:Parallel.ForEach(m[i], x => { })|};
                        {|AP0006:Parallel.Invoke(() => { }, () => { })|};
                        sums[i] = {|AP0006:m[i].AsParallel().Where(x => x > 0).Sum()|};
                    });
                }
            }
            """);
        Assert.Equal("'Parallel.For' starts a parallel region inside a parallel loop body: nested parallelism oversubscribes the cores", diagnostics[0].GetMessage());
        Assert.StartsWith("'m[i].AsParallel().Where(x => x > 0).Sum()' starts", diagnostics[3].GetMessage());
    }

    [Fact]
    public void Inside_ForEach_Invoke_and_PLINQ_delegates_and_local_functions_passed_as_bodies()
    {
        DiagnosticMarkup.Verify("""
            using System.Linq;
            using System.Threading.Tasks;
            public static class K
            {
                public static void Nested(int[][] rows, int[] values)
                {
                    Parallel.ForEach(rows, row => {|AP0006:Parallel.For(0, row.Length, j => row[j]++)|});
                    Parallel.Invoke(() => {|AP0006:Parallel.For(0, 10, j => { })|}, () => { });
                    values.AsParallel().ForAll(v => {|AP0006:Parallel.For(0, v, j => { })|});
                    Parallel.For(0, rows.Length, Row);

                    void Row(int i) => {|AP0006:Parallel.For(0, rows[i].Length, j => rows[i][j] = 0)|};
                }
            }
            """);
    }

    [Fact]
    public void Tasks_count_when_started_once_per_iteration()
    {
        DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static void Tasks(int[] a)
                {
                    Parallel.For(0, a.Length, i => {|AP0006:Task.Run(() => a[i]++)|}.Wait());
                    Parallel.Invoke(
                        () => Task.Run(() => a[0]++).Wait(),
                        () => { for (int k = 0; k < 4; k++) {|AP0006:Task.Factory.StartNew(() => { })|}; });
                }
            }
            """);
    }

    [Fact]
    public void Through_one_call_to_a_method_that_starts_a_region()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            public static class K
            {
                public static void Outer(double[][] m)
                {
                    Parallel.For(0, m.Length, i => {|AP0006:ScaleRow(m[i])|});
                    Parallel.For(0, m.Length, i => Sequential(m[i]));
                    Parallel.For(0, m.Length, i => Indirect(m[i]));
                }

                private static void ScaleRow(double[] row) => Parallel.For(0, row.Length, j => row[j] *= 2);

                private static void Sequential(double[] row) { for (int j = 0; j < row.Length; j++) row[j] *= 2; }

                // Two levels down is not followed.
                private static void Indirect(double[] row) => ScaleRow(row);
            }
            """);
        Assert.StartsWith("'ScaleRow' starts a parallel region", diagnostics[0].GetMessage());
    }

    [Fact]
    public void A_generated_parallel_method_called_from_a_Parallel_For_body()
    {
        DiagnosticMarkup.Verify("""
            using System.Threading.Tasks;
            using AutoParallel;
            public static partial class K
            {
                [Parallelise]
                public static void Fill(int[] a)
                {
                    for (int i = 0; i < a.Length; i++) a[i] = i;
                }

                public static void All(int[][] rows)
                {
                    Parallel.For(0, rows.Length, r => {|AP0006:FillParallel(rows[r])|});
                    Parallel.For(0, rows.Length, r => Fill(rows[r]));
                }
            }
            """);
    }

    [Fact]
    public void Sequential_code_around_a_parallel_region_and_top_level_regions_are_fine()
    {
        DiagnosticMarkup.Verify("""
            using System.Linq;
            using System.Threading.Tasks;
            public static class K
            {
                public static async Task Fine(double[][] m)
                {
                    Parallel.For(0, m.Length, i => { for (int j = 0; j < m[i].Length; j++) m[i][j] *= 2; });
                    await Task.Run(() => Parallel.For(0, m.Length, i => m[i][0] = 1));
                    double total = m.AsParallel().Select(row => row.Sum()).Sum();
                    Parallel.Invoke(() => Task.Run(() => { }).Wait());
                }
            }
            """);
    }
}
