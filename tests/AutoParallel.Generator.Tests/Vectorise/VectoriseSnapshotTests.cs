using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>The generated span overload of each [Vectorise] construct, against checked-in baselines.</summary>
public sealed class VectoriseSnapshotTests
{
    [Fact]
    public void Mandelbrot_escape_count_with_an_early_return_in_a_loop()
        => Verify("""
            using AutoParallel;
            namespace Demo;
            public static partial class Kernels
            {
                [Vectorise]
                public static int Mandel(double re, double im)
                {
                    double zr = 0, zi = 0;
                    for (int i = 0; i < 20; i++)
                    {
                        if (zr * zr + zi * zi >= 4) return i;
                        double t = zr * zr - zi * zi + re;
                        zi = 2 * zr * zi + im;
                        zr = t;
                    }

                    return -1;
                }
            }
            """);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        GeneratorRun run = TestCompiler.Generate(source).ShouldCompile();
        Assert.Empty(TestCompiler.Analyze(run.Input).Where(d => d.Id is "AP0010"));
        string generated = string.Join("\n", run.Sources.Where(s => s.Key.EndsWith(".Vectorise.g.cs", System.StringComparison.Ordinal)).OrderBy(s => s.Key).Select(s => s.Value));
        Snapshot.Verify(generated, test, test: test);
    }
}
