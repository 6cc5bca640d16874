using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Parallelise;

/// <summary>
/// Which generated methods ask the JIT to inline them: a twin that is one small loop (so a call with a few elements costs what
/// the user's inlined loop costs), and every small chunk body; nothing large.
/// </summary>
public sealed class InliningHintTests
{
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    private static readonly GeneratorRun Run = TestCompiler.Generate("""
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Parallelise]
            public static double Sum(double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += x[i];
                return s;
            }

            [Parallelise]
            public static void Scale(double[] x, double a)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    double v = x[i];
                    x[i] = v * a;
                }
            }

            [Parallelise]
            public static void Table(double[] x, int n)
            {
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        x[i * n + j] = (double)i * j;
            }

            [Parallelise]
            public static long Busy(int[] x)
            {
                long s = 0;
                int a = x.Length;
                int b = a * 2;
                int c = b * 3;
                for (int i = 0; i < x.Length; i++) s += x[i];
                s += c;
                return s + a + b;
            }

            [Parallelise]
            public static void Long(double[] x)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    double v = x[i];
                    v = v * v;
                    v = v + 1;
                    x[i] = v;
                }
            }
        }
        """);

    [Theory]
    [InlineData("Sum", true)]
    [InlineData("Scale", true)]
    [InlineData("Table", false)]
    [InlineData("Busy", false)]
    [InlineData("Long", false)]
    public void The_twin_is_inlined_only_when_it_is_one_small_loop(string method, bool inlined)
    {
        string source = SourceOf(method);
        string declaration = source.Split('\n').First(line => line.Contains($" {method}Parallel("));
        string[] lines = source.Split('\n');
        int at = System.Array.IndexOf(lines, declaration);

        // The attribute sits just above the GeneratedCode attribute of the method itself.
        Assert.Equal(inlined, lines[at - 2].Trim() == Inline);
        Assert.Equal(inlined, source.Contains("/// <para>Inlined where it is called"));
    }

    [Theory]
    [InlineData("Sum", true)]
    [InlineData("Scale", true)]
    [InlineData("Table", false)]
    [InlineData("Long", false)]
    public void Execute_is_inlined_only_for_a_body_of_a_few_statements_without_loops(string method, bool inlined)
    {
        string[] lines = SourceOf(method).Split('\n');
        int execute = System.Array.FindIndex(lines, line => line.Contains(" void Execute("));

        Assert.Equal(inlined, lines[execute - 1].Trim() == Inline);
    }

    [Fact]
    public void Scalar_accumulators_are_created_and_combined_inline()
    {
        string[] lines = SourceOf("Busy").Split('\n');
        int create = System.Array.FindIndex(lines, line => line.Contains(" CreateAccumulator()"));
        int combine = System.Array.FindIndex(lines, line => line.Contains(" void Combine("));

        Assert.Equal(Inline, lines[create - 1].Trim());
        Assert.Equal(Inline, lines[combine - 1].Trim());
    }

    [Fact]
    public void Every_twin_compiles_cleanly() => Run.ShouldCompile();

    private static string SourceOf(string method) => Run.Sources.Single(s => s.Key.Contains("." + method + ".")).Value;
}
