using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Parallelise;

/// <summary>The cost estimate the generator passes to the runtime (it decides the threshold and the grains).</summary>
public sealed class CostEstimateTests
{
    [Fact]
    public void A_call_to_another_methods_generated_twin_costs_as_much_as_a_call_into_source_code()
    {
        // MandelRowParallel does not exist in the compilation the generator sees: it is generated in the same run.
        GeneratorRun run = TestCompiler.Generate("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Row(int[] row) { for (int c = 0; c < row.Length; c++) row[c] = c; }

                [Parallelise]
                public static void Flat(int[][] rows) { for (int r = 0; r < rows.Length; r++) Row(rows[r]); }

            #pragma warning disable AP0006
                [Parallelise]
                public static void Nested(int[][] rows) { for (int r = 0; r < rows.Length; r++) RowParallel(rows[r]); }
            }
            """);
        string Cost(string method) => run.Sources.Single(s => s.Key.Contains("." + method + ".")).Value
            .Split('\n').Single(line => line.Contains("public static readonly global::AutoParallel.LoopOptions __options"))
            .Split("costPerIteration: ")[1].Split(')')[0];

        Assert.Equal(Cost("Flat"), Cost("Nested"));
        Assert.NotEqual("1.0", Cost("Nested"));
    }
}
