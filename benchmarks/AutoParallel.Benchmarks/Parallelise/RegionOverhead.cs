using System;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>
/// Issue 6, target 5: what a parallel region costs. A loop whose body is one store, on a tiny array, through the user's method,
/// through a generated method forced parallel (<c>MinIterations = 1</c>, static blocks: one per core), and through a generated
/// method that the runtime's threshold keeps on the calling thread (the sequential fall-back, which should allocate nothing).
/// </summary>
[MemoryDiagnoser]
public class RegionOverhead
{
    private int[] _a = Array.Empty<int>();

    /// <summary>Iterations of the loop.</summary>
    [Params(2, 64)]
    public int Length { get; set; }

    /// <summary>Allocates the array and checks that every variant fills it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _a = new int[Length];
        Verify(Variant.Sequential, Sequential);
        Verify(Variant.ForcedParallel, ForcedParallel);
        Verify(Variant.FallBack, FallBack);
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential)]
    public void Sequential() => OverheadKernels.Fill(_a);

    [Benchmark(Description = Variant.ForcedParallel)]
    public void ForcedParallel() => OverheadKernels.FillForcedParallel(_a);

    [Benchmark(Description = Variant.FallBack)]
    public void FallBack() => OverheadKernels.FillParallel(_a);

    private void Verify(string variant, Action run)
    {
        Array.Fill(_a, -1);
        run();
        for (int i = 0; i < _a.Length; i++)
        {
            if (_a[i] != i)
            {
                throw new InvalidOperationException($"{variant}: a[{i}] = {_a[i]}.");
            }
        }
    }
}
