using System;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// PolyBench kernels: each is parallelised where it should be (or refused, for Seidel), says so with the right diagnostics, and
/// computes exactly what the sequential kernel computes. Inputs are small integers scaled by powers of two, so every sum is exact
/// whatever the order and results can be compared bit for bit.
/// </summary>
[Collection(RuntimeStateCollection.Name)]
public sealed class PolyBenchTests : IDisposable
{
    private static readonly int[] Sizes = { 0, 1, 2, 5, 16, 33 };

    private readonly KernelRunner _kernels = new(PolyBenchKernels.Source);

    public void Dispose() => _kernels.Dispose();

    [Fact]
    public void Diagnostics_say_what_was_parallelised()
    {
        var diagnostics = TestCompiler.Analyze(TestCompiler.Generate(PolyBenchKernels.Source).Output)
            .Where(d => d.Id != "AP0013")
            .Select(d => (d.Id, Method: MethodAt(d)))
            .ToList();

        // The symmetric write of covariance cannot be proven disjoint (it is, by the triangle): a warning, code still generated.
        Assert.Contains(("AP0008", "Covariance"), diagnostics);
        // Jacobi's time loop carries the dependency; one AP0014 names both inner nests, which run in parallel.
        Assert.Contains(("AP0014", "Jacobi2D"), diagnostics);
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(8, TestCompiler.Generate(PolyBenchKernels.Source).Sources.Count);
    }

    [Fact]
    public void Seidel_is_refused_with_the_outermost_dependency()
    {
        var diagnostics = TestCompiler.Analyze(TestCompiler.Generate(PolyBenchKernels.Seidel).Output).Where(d => d.Id != "AP0013").ToList();
        Assert.Equal("AP0003", Assert.Single(diagnostics).Id);
        Assert.Empty(TestCompiler.Generate(PolyBenchKernels.Seidel).Sources);
    }

    [Fact]
    public void Gemm_2mm_syrk()
    {
        foreach (int n in Sizes)
        {
            Equivalence.AssertSame(_kernels, "Gemm", () => new object?[] { 1.5, 0.5, Matrix(n, n + 1, 1), Matrix(n, n + 2, 2), Matrix(n + 2, n + 1, 3) });
            Equivalence.AssertSame(_kernels, "TwoMm", () => new object?[] { 1.5, 0.25, Matrix(n, n + 1, 0), Matrix(n, n + 2, 1), Matrix(n + 2, n + 1, 2), Matrix(n + 1, n + 3, 3), Matrix(n, n + 3, 4) });
            Equivalence.AssertSame(_kernels, "Syrk", () => new object?[] { 1.5, 0.5, Matrix(n, n, 5), Matrix(n, n + 2, 6) });
        }
    }

    [Fact]
    public void Atax_mvt_gesummv()
    {
        foreach (int n in Sizes)
        {
            Equivalence.AssertSame(_kernels, "Atax", () => new object?[] { Matrix(n, n + 1, 7), Vector(n + 1, 8), new double[n + 1], new double[n] });
            Equivalence.AssertSame(_kernels, "Mvt", () => new object?[] { Vector(n, 1), Vector(n, 2), Vector(n, 3), Vector(n, 4), Matrix(n, n, 5) });
            Equivalence.AssertSame(_kernels, "Gesummv", () => new object?[] { 1.5, 2.5, Matrix(n, n, 6), Matrix(n, n, 7), new double[n], Vector(n, 8), new double[n] });
        }
    }

    [Fact]
    public void Covariance_and_jacobi()
    {
        foreach (int n in Sizes)
        {
            Equivalence.AssertSame(_kernels, "Covariance", () => new object?[] { 4.0, Matrix(n, n + 1, 9), Matrix(n + 1, n + 1, 0), new double[n + 1] });
            Equivalence.AssertSame(_kernels, "Jacobi2D", () => new object?[] { 3, Square(n + 2, 1), new double[n + 2, n + 2] }, exact: false);
        }
    }

    private static string MethodAt(Microsoft.CodeAnalysis.Diagnostic d)
    {
        var root = d.Location.SourceTree!.GetRoot();
        return root.FindNode(d.Location.SourceSpan).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First().Identifier.Text;
    }

    private static double[][] Matrix(int rows, int cols, int seed)
        => Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, cols).Select(j => ((i * 7 + j * 3 + seed) % 11 - 5) / 4.0).ToArray()).ToArray();

    private static double[] Vector(int n, int seed) => Enumerable.Range(0, n).Select(i => ((i * 5 + seed) % 9 - 4) / 2.0).ToArray();

    private static double[,] Square(int n, int seed)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = (i * 3 + j + seed) % 7;
            }
        }

        return a;
    }
}
