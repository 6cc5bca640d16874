using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>
/// A differential test of the <c>[Vectorise]</c> translation: random kernels (<see cref="RandomVectoriseKernels"/>), compiled
/// once, are each translated to SIMD (none falls back to the scalar loop) and give, element by element, the scalar kernel's
/// bits, or throw its exception, at every length around the vector width, on inputs with the types' edge values.
/// </summary>
/// <remarks>
/// The seeds are fixed, so a failure repeats; <c>AUTOPARALLEL_RANDOM_KERNEL_SEED</c> starts them elsewhere to look further.
/// A failure prints the kernel.
/// </remarks>
[Collection(Execution.RuntimeStateCollection.Name)]
public sealed class RandomVectoriseKernelTests : IClassFixture<RandomVectoriseKernelTests.Compiled>
{
    private const int KernelCount = 40;

    private static readonly (string Name, string Source)[] Kernels = Enumerable.Range(0, KernelCount)
        .Select(k => "Random" + k.ToString(CultureInfo.InvariantCulture))
        .Select((name, k) => (name, RandomVectoriseKernels.Kernel(name, RandomKernelSource.First + k)))
        .ToArray();

    private static readonly string Source = RandomKernelSource.Class(Kernels.Select(k => k.Source));

    private readonly Compiled _compiled;

    public RandomVectoriseKernelTests(Compiled compiled) => _compiled = compiled;

    [Fact]
    public void Every_kernel_is_translated_to_SIMD()
    {
        IReadOnlyDictionary<string, string> generated = TestCompiler.Generate(Source).Sources;
        foreach (var (name, source) in Kernels)
        {
            string overload = generated.Single(s => s.Key.Contains("." + name + ".", StringComparison.Ordinal)).Value;
            if (!overload.Contains("// SIMD: two vectors", StringComparison.Ordinal))
            {
                throw new Xunit.Sdk.XunitException($"{name} is not translated:\n{source}\n{overload}");
            }
        }
    }

    [Fact]
    public void Every_kernel_gives_the_scalar_kernels_bits()
    {
        foreach (var (name, source) in Kernels)
        {
            try
            {
                VectoriseEquivalence.CheckAtEveryLength(_compiled.Runner, name);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new Xunit.Sdk.XunitException($"{e.Message}\n{source}");
            }
        }
    }

    /// <summary>The kernels, compiled once for the class.</summary>
    public sealed class Compiled : IDisposable
    {
        internal VectoriseKernelRunner Runner { get; } = new(Source);

        public void Dispose() => Runner.Dispose();
    }
}
