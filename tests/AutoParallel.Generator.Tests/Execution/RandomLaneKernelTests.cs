using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// A differential test of the two lane lowerings: random kernels (<see cref="RandomKernels"/>), compiled once, each run by
/// the user's method and by the generated one on the same inputs at every thread count, must give the same bits, at sizes
/// around the lanes' count. Every kernel of the lanes' form must take the lanes (so the lanes are what is tested), and no
/// disturbed one.
/// </summary>
/// <remarks>
/// The seeds are fixed, so a failure repeats; <c>AUTOPARALLEL_RANDOM_KERNEL_SEED</c> starts them elsewhere to look further.
/// A failure prints the kernel.
/// </remarks>
[Collection(RuntimeStateCollection.Name)]
public sealed class RandomLaneKernelTests : IDisposable
{
    private const int KernelsOfEachShape = 40;

    private static readonly RandomKernel[] OuterKernels = Enumerable.Range(0, KernelsOfEachShape)
        .Select(k => RandomKernels.Outer("Outer" + k.ToString(CultureInfo.InvariantCulture), RandomKernelSource.First + k)).ToArray();

    private static readonly RandomKernel[] RowKernels = Enumerable.Range(0, KernelsOfEachShape)
        .Select(k => RandomKernels.Row("Row" + k.ToString(CultureInfo.InvariantCulture), RandomKernelSource.First + k)).ToArray();

    private static readonly string Source = RandomKernelSource.Class(OuterKernels.Concat(RowKernels).Select(k => k.Source));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Generated = new(() => TestCompiler.Generate(Source).Sources);

    private readonly KernelRunner _kernels = new(Source);

    public void Dispose() => _kernels.Dispose();

    [Fact]
    public void Outer_lane_kernels_have_the_users_bits()
    {
        foreach (RandomKernel kernel in OuterKernels)
        {
            int seed = 0;
            foreach (int n in new[] { 0, 1, 3, 4, 5, 9 })
            {
                foreach (int d in new[] { 0, 1, 2, 5 })
                {
                    int arguments = seed++;
                    Check(kernel, () => RandomKernels.OuterArguments(kernel.IsFloat, n, d, arguments), $"n = {n}, d = {d}");
                }
            }
        }
    }

    [Fact]
    public void Row_lane_kernels_have_the_users_bits()
    {
        foreach (RandomKernel kernel in RowKernels)
        {
            int seed = 0;
            foreach (int n in new[] { 0, 1, 3 })
            {
                foreach (int m in new[] { 0, 1, 3, 4, 5, 8, 9, 17 })
                {
                    int arguments = seed++;
                    Check(kernel, () => RandomKernels.RowArguments(kernel.IsFloat, n, m, arguments), $"n = {n}, m = {m}");
                }
            }
        }
    }

    [Fact]
    public void Kernels_of_the_lanes_form_take_them_and_disturbed_ones_never()
    {
        AssertLanes(OuterKernels, "// SIMD across j: ");
        AssertLanes(RowKernels, "// SIMD: ");
    }

    private static void AssertLanes(RandomKernel[] kernels, string header)
    {
        foreach (RandomKernel kernel in kernels)
        {
            string generated = GeneratedFor(kernel);
            if (generated.Contains(header, StringComparison.Ordinal) == kernel.Disturbed)
            {
                string what = kernel.Disturbed ? "takes lanes it must not take" : "keeps the scalar loop, though of the lanes' form";
                throw new Xunit.Sdk.XunitException($"{kernel.Name} {what}:\n{kernel.Source}\n{generated}");
            }
        }

        Assert.Contains(kernels, k => k.Disturbed);
    }

    private static string GeneratedFor(RandomKernel kernel)
        => Generated.Value.Single(s => s.Key.Contains("." + kernel.Name + ".", StringComparison.Ordinal)).Value;

    private void Check(RandomKernel kernel, Func<object?[]> arguments, string sizes)
    {
        try
        {
            Equivalence.AssertSame(_kernels, kernel.Name, arguments);
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException or IndexOutOfRangeException)
        {
            throw new Xunit.Sdk.XunitException($"{kernel.Name} at {sizes}: {e.Message}\n{kernel.Source}\n{GeneratedFor(kernel)}");
        }
    }
}
